import type { CallDirection, CallStatus, LeadStatus } from '@ringtonic/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One interaction, a snapshot: its lead status and deal value are what this call achieved, kept
 * when the contact changes later. Routing writes these from Twilio webhooks.
 */
@Entity('call_logs')
export class CallLogEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ name: 'twilio_call_sid', type: 'text', nullable: true, unique: true }) twilioCallSid: string | null;
  @Column({ type: 'text' }) direction: CallDirection;
  @Column({ type: 'text', default: 'ringing' }) status: CallStatus;
  @Column({ name: 'contact_id', type: 'uuid', nullable: true }) contactId: string | null;
  @Column({ name: 'agent_user_id', type: 'uuid', nullable: true }) agentUserId: string | null;
  @Column({ name: 'tracking_number_id', type: 'uuid', nullable: true }) trackingNumberId: string | null;
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true }) campaignId: string | null;
  @Column({ name: 'from_e164', type: 'text' }) fromE164: string;
  @Column({ name: 'to_e164', type: 'text' }) toE164: string;
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' }) startedAt: Date;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'duration_seconds', type: 'int', default: 0 }) durationSeconds: number;
  @Column({ name: 'recording_sid', type: 'text', nullable: true }) recordingSid: string | null;
  @Column({ name: 'recording_url', type: 'text', nullable: true }) recordingUrl: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ name: 'lead_status', type: 'text', nullable: true }) leadStatus: LeadStatus | null;
  @Column({ name: 'deal_value_cents', type: 'bigint', nullable: true }) dealValueCents: string | null;
  @Column({ name: 'qualified_at', type: 'timestamptz', nullable: true }) qualifiedAt: Date | null;
  @Column({ name: 'qualified_by_user_id', type: 'uuid', nullable: true }) qualifiedByUserId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
