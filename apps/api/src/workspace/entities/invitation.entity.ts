import type { Role } from '@ringtonic/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId: string;
  @Column({ type: 'citext' }) email: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash: string;
  // Kept encrypted so admins can copy the link from the outbox until it is used.
  @Column({ name: 'token_enc', type: 'text' }) tokenEnc: string;
  @Column({ type: 'text' }) delivery: 'email' | 'outbox';
  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true }) invitedByUserId: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'accepted_by_user_id', type: 'uuid', nullable: true }) acceptedByUserId: string | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
