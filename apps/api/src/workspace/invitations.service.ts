import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { InvitationPreview, InvitationView, Role } from '@ringtonic/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { SecretBox, sha256 } from '../common/secret-box.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { UsersService } from '../users/users.service.js';
import { InvitationEntity } from './entities/invitation.entity.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { InvitationMailer } from './invitation-mailer.js';
import { WorkspaceService } from './workspace.service.js';

const statusOf = (i: InvitationEntity, now = new Date()): InvitationView['status'] =>
  i.acceptedAt ? 'accepted' : i.revokedAt ? 'revoked' : i.expiresAt <= now ? 'expired' : 'pending';

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: SecretBox,
    private readonly mailer: InvitationMailer,
    private readonly workspaces: WorkspaceService,
    private readonly users: UsersService,
  ) {}

  async create(access: WorkspaceAccess, email: string, role: Role): Promise<InvitationView> {
    if (role === 'owner' && access.role !== 'owner') {
      throw new DomainError('OWNER_ONLY', 'Only an owner can invite another owner', HttpStatus.FORBIDDEN);
    }
    const existingUser = await this.users.findByEmail(email);
    if (existingUser && (await this.workspaces.accessFor(existingUser.id, access.workspaceId))) {
      throw new DomainError('ALREADY_MEMBER', `${email} is already a member of this workspace`, HttpStatus.CONFLICT);
    }
    // Inviting the same address again replaces the pending invitation (a "resend").
    await this.invitations.update(
      { workspaceId: access.workspaceId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.invitationTtlHours * 3600_000);
    const invitation = await this.invitations.save(
      this.invitations.create({
        workspaceId: access.workspaceId,
        email,
        role,
        tokenHash: sha256(token),
        tokenEnc: this.secrets.encrypt(token),
        delivery: this.mailer.delivery,
        invitedByUserId: access.userId,
        expiresAt,
      }),
    );
    const inviter = access.userId ? await this.users.findById(access.userId) : null;
    try {
      await this.mailer.send({
        email,
        role,
        workspaceName: await this.workspaces.nameOf(access.workspaceId),
        inviterName: inviter?.name ?? null,
        acceptUrl: this.acceptUrl(token),
        expiresAt,
      });
    } catch (e) {
      // The invitation stays valid and visible in the outbox; only the email failed.
      this.logger.error(`Could not email the invitation for ${email}: ${(e as Error).message}`);
      await this.invitations.update({ id: invitation.id }, { delivery: 'outbox' });
      invitation.delivery = 'outbox';
    }
    return this.toView(invitation);
  }

  async list(workspaceId: string): Promise<InvitationView[]> {
    const rows = await this.invitations.find({
      where: { workspaceId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return rows.map((i) => this.toView(i));
  }

  async revoke(workspaceId: string, id: string): Promise<void> {
    const res = await this.invitations.update({ id, workspaceId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!res.affected) throw notFound('Invitation');
  }

  async preview(token: string): Promise<InvitationPreview> {
    const inv = await this.usable(await this.invitations.findOne({ where: { tokenHash: sha256(token) } }));
    return {
      email: inv.email,
      role: inv.role,
      workspaceName: await this.workspaces.nameOf(inv.workspaceId),
      expiresAt: inv.expiresAt.toISOString(),
      userExists: (await this.users.findByEmail(inv.email)) !== null,
    };
  }

  /** The email the invitation was sent to, after checking it can still be used. */
  async emailFor(token: string): Promise<string> {
    return (await this.usable(await this.invitations.findOne({ where: { tokenHash: sha256(token) } }))).email;
  }

  /** Turns the invitation into a membership for this user, once. */
  async accept(token: string, user: { id: string; email: string }): Promise<{ workspaceId: string; role: Role }> {
    return this.db.transaction(async (tx) => {
      const inv = await this.usable(
        await tx.getRepository(InvitationEntity).findOne({ where: { tokenHash: sha256(token) }, lock: { mode: 'pessimistic_write' } }),
      );
      if (inv.email.toLowerCase() !== user.email.toLowerCase()) {
        throw new DomainError('INVITATION_EMAIL_MISMATCH', `This invitation was sent to ${inv.email}; log in with that address to accept it`, HttpStatus.FORBIDDEN);
      }
      const exists = await tx.getRepository(MembershipEntity).findOne({ where: { workspaceId: inv.workspaceId, userId: user.id } });
      if (exists) throw new DomainError('ALREADY_MEMBER', 'You are already a member of this workspace', HttpStatus.CONFLICT);
      await tx.save(tx.create(MembershipEntity, { workspaceId: inv.workspaceId, userId: user.id, role: inv.role }));
      await tx.update(InvitationEntity, { id: inv.id }, { acceptedAt: new Date(), acceptedByUserId: user.id });
      return { workspaceId: inv.workspaceId, role: inv.role };
    });
  }

  private async usable(inv: InvitationEntity | null): Promise<InvitationEntity> {
    if (!inv) throw notFound('Invitation');
    switch (statusOf(inv)) {
      case 'accepted':
        throw new DomainError('INVITATION_USED', 'This invitation has already been accepted', HttpStatus.CONFLICT);
      case 'revoked':
        throw new DomainError('INVITATION_REVOKED', 'This invitation was revoked; ask an admin for a new one', HttpStatus.GONE);
      case 'expired':
        throw new DomainError('INVITATION_EXPIRED', 'This invitation has expired; ask an admin for a new one', HttpStatus.GONE);
      default:
        return inv;
    }
  }

  private acceptUrl(token: string): string {
    return `${this.config.publicUrl}/invite/${token}`;
  }

  private toView(i: InvitationEntity): InvitationView {
    const status = statusOf(i);
    return {
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
      createdAt: i.createdAt.toISOString(),
      // An emailed link belongs to the invited address alone: handing it to the inviter too would let
      // anyone who invites an existing user's address try that user's password on the accept page.
      acceptUrl: status === 'pending' && i.delivery === 'outbox' ? this.acceptUrl(this.secrets.decrypt(i.tokenEnc)) : null,
      status,
      delivery: i.delivery,
    };
  }
}
