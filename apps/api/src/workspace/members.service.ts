import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberView, Role } from '@ringtonic/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UsersService } from '../users/users.service.js';
import { MembershipEntity } from './entities/membership.entity.js';
import { WorkspaceEntity } from './entities/workspace.entity.js';
import { toMemberView } from './workspace.views.js';

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
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

  async changeRole(access: WorkspaceAccess, userId: string, role: Role): Promise<MemberView> {
    await this.db.transaction(async (tx) => {
      const target = await this.lockedTarget(tx, access.workspaceId, userId);
      this.assertMayTouchOwner(access, target.role === 'owner' || role === 'owner');
      if (target.role === 'owner' && role !== 'owner') await this.assertNotLastOwner(tx, access.workspaceId);
      await tx.update(MembershipEntity, { id: target.id }, { role });
    });
    const member = (await this.list(access.workspaceId)).find((m) => m.userId === userId);
    if (!member) throw notFound('Member');
    return member;
  }

  async remove(access: WorkspaceAccess, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const target = await this.lockedTarget(tx, access.workspaceId, userId);
      this.assertMayTouchOwner(access, target.role === 'owner');
      if (target.role === 'owner') await this.assertNotLastOwner(tx, access.workspaceId);
      await tx.delete(MembershipEntity, { id: target.id });
    });
  }

  // The workspace row is locked so two concurrent demotions cannot both pass the last-owner check.
  private async lockedTarget(tx: EntityManager, workspaceId: string, userId: string): Promise<MembershipEntity> {
    await tx.getRepository(WorkspaceEntity).findOne({ where: { id: workspaceId }, lock: { mode: 'pessimistic_write' } });
    const target = await tx.getRepository(MembershipEntity).findOne({ where: { workspaceId, userId } });
    if (!target) throw notFound('Member');
    return target;
  }

  private assertMayTouchOwner(access: WorkspaceAccess, touchesOwner: boolean): void {
    if (touchesOwner && access.role !== 'owner') {
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
