import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A tracking number: a Twilio number imported into the workspace, optionally in a campaign. */
@Entity('phone_numbers')
export class PhoneNumberEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ type: 'text' }) e164: string;
  @Column({ name: 'twilio_sid', type: 'text' }) twilioSid: string;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true }) campaignId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
