import type { DialerStatus, PermissionToggles, Plan } from '@ringtonic/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('workspaces')
export class WorkspaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', default: 'indie' }) plan: Plan;
  @Column({ name: 'default_country', type: 'char', length: 2, default: 'US' }) defaultCountry: string;
  @Column({ name: 'ring_timeout_seconds', type: 'int', default: 30 }) ringTimeoutSeconds: number;
  @Column({ name: 'record_calls', type: 'boolean', default: false }) recordCalls: boolean;
  @Column({ name: 'permission_toggles', type: 'jsonb' }) permissionToggles: PermissionToggles;

  /** Unique: one workspace per Twilio account (verified with Twilio when saved). */
  @Column({ name: 'twilio_account_sid', type: 'text', nullable: true }) twilioAccountSid: string | null;
  @Column({ name: 'twilio_account_verified_at', type: 'timestamptz', nullable: true }) twilioAccountVerifiedAt: Date | null;
  @Column({ name: 'twilio_auth_token_enc', type: 'text', nullable: true }) twilioAuthTokenEnc: string | null;
  @Column({ name: 'twilio_account_type', type: 'text', nullable: true }) twilioAccountType: 'Trial' | 'Full' | null;

  @Column({ name: 'dialer_enabled', type: 'boolean', default: false }) dialerEnabled: boolean;
  @Column({ name: 'api_key_sid', type: 'text', nullable: true }) apiKeySid: string | null;
  @Column({ name: 'api_key_secret_enc', type: 'text', nullable: true }) apiKeySecretEnc: string | null;
  @Column({ name: 'twiml_app_sid', type: 'text', nullable: true }) twimlAppSid: string | null;
  @Column({ name: 'dialer_status', type: 'text', default: 'disabled' }) dialerStatus: DialerStatus;
  @Column({ name: 'dialer_status_message', type: 'text', nullable: true }) dialerStatusMessage: string | null;

  @Column({ name: 'recording_announcement', type: 'text', nullable: true }) recordingAnnouncement: string | null;
  @Column({ name: 'ai_enabled', type: 'boolean', default: false }) aiEnabled: boolean;
  @Column({ name: 'openai_api_key_enc', type: 'text', nullable: true }) openaiApiKeyEnc: string | null;
  @Column({ name: 'ai_base_url', type: 'text', nullable: true }) aiBaseUrl: string | null;
  @Column({ name: 'ai_transcription_model', type: 'text', default: 'whisper-1' }) aiTranscriptionModel: string;
  @Column({ name: 'ai_analysis_model', type: 'text', default: 'gpt-4o-mini' }) aiAnalysisModel: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
