import type { ContactSource, LeadStatus } from '@ringtonic/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** The current truth about a person; call_count/last_contact_at are kept by a call_logs trigger. */
@Entity('contacts')
@Unique('uq_contacts_workspace_phone', ['workspaceId', 'phoneE164'])
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'phone_e164', type: 'text' }) phoneE164: string;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text', nullable: true }) company: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'lead_status', type: 'text', default: 'new' }) leadStatus: LeadStatus;
  @Column({ name: 'deal_value_cents', type: 'bigint', nullable: true }) dealValueCents: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ name: 'next_follow_up_at', type: 'timestamptz', nullable: true }) nextFollowUpAt: Date | null;
  @Column({ type: 'text', default: 'manual' }) source: ContactSource;
  @Column({ name: 'call_count', type: 'int', default: 0, insert: false, update: false }) callCount: number;
  @Column({ name: 'last_contact_at', type: 'timestamptz', nullable: true, insert: false, update: false }) lastContactAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
