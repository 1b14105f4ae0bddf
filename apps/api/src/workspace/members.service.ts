import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberView, Role } from '@ringtonic/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { RealtimeEmitter } from '../realtime/realtime.emitter.js';
import { UsersService } from '../users/users.service.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { WorkspaceEntity } from './entities/workspace.entity.js';
import { toMemberView } from './workspace.views.js';

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async list(workspaceId: string): Promise<MemberView[]> {
    const memberships = await this.db.getRepository(MembershipEntity).find({
      where: { workspaceId },
      order: { createdAt: 'ASC' },
    });
    const users = new Map((await this.users.findByIds(memberships.map((m) => m.userId))).map((u) => [u.id, u]));
    return memberships.flatMap((m) => {
      const u = users.get(m.userId);
      return u ? [toMemberView({ userId: u.id, name: u.name, email: u.email, role: m.role, joinedAt: m.createdAt })] : [];
    });
  }

  /** A changed role ends the member's sockets in the workspace: the SPA reconnects with the new role. */
  async changeRole(access: WorkspaceAccess, userId: string, role: Role): Promise<MemberView> {
    const changed = await this.db.transaction(async (tx) => {
      const { target, actorRole } = await this.lockedTarget(tx, access, userId);
      this.assertMayTouchOwner(actorRole, target.role === 'owner' || role === 'owner');
      if (target.role === 'owner' && role !== 'owner') await this.assertNotLastOwner(tx, access.workspaceId);
      await tx.update(MembershipEntity, { id: target.id }, { role });
      return target.role !== role;
    });
    if (changed) this.realtime.disconnectUser(access.workspaceId, userId);
    const member = (await this.list(access.workspaceId)).find((m) => m.userId === userId);
    if (!member) throw notFound('Member');
    return member;
  }

  /** Once committed, the removed member's live sockets in this workspace end, on every instance. */
  async remove(access: WorkspaceAccess, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { target, actorRole } = await this.lockedTarget(tx, access, userId);
      this.assertMayTouchOwner(actorRole, target.role === 'owner');
      if (target.role === 'owner') await this.assertNotLastOwner(tx, access.workspaceId);
      await tx.delete(MembershipEntity, { id: target.id });
    });
    this.realtime.disconnectUser(access.workspaceId, userId);
  }

  // The workspace row is locked so two concurrent demotions cannot both pass the last-owner check.
  // The actor's role is read again under the lock: it may have changed since the guard ran.
  private async lockedTarget(tx: EntityManager, access: WorkspaceAccess, userId: string): Promise<{ target: MembershipEntity; actorRole: Role }> {
    const { workspaceId } = access;
    await tx.getRepository(WorkspaceEntity).findOne({ where: { id: workspaceId }, lock: { mode: 'pessimistic_write' } });
    const memberships = tx.getRepository(MembershipEntity);
    const target = await memberships.findOne({ where: { workspaceId, userId } });
    if (!target) throw notFound('Member');
    const actor = access.userId ? await memberships.findOne({ where: { workspaceId, userId: access.userId } }) : null;
    const actorRole = access.userId ? actor?.role : access.role;
    if (!actorRole || (actorRole !== 'owner' && actorRole !== 'admin')) throw forbidden('Your role no longer allows managing members');
    return { target, actorRole };
  }

  private assertMayTouchOwner(actorRole: Role, touchesOwner: boolean): void {
    if (touchesOwner && actorRole !== 'owner') {
      throw new DomainError('OWNER_ONLY', 'Only an owner can grant, change or remove the owner role', HttpStatus.FORBIDDEN);
    }
  }

  private async assertNotLastOwner(tx: EntityManager, workspaceId: string): Promise<void> {
    const owners = await tx.getRepository(MembershipEntity).count({ where: { workspaceId, role: 'owner' } });
    if (owners <= 1) {
      throw new DomainError('LAST_OWNER', 'A workspace needs at least one owner: make someone else owner first', HttpStatus.CONFLICT);
    }
  }
}
