import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { can, type PresenceStatus } from '@ringtonic/contracts';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import { forbidden } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { MembersService } from '../workspace/members.service.js';
import { WorkspaceAccessGuard } from '../workspace/workspace-access.guard.js';
import { SetPresenceDto } from './dto/set-presence.dto.js';
import { type PresenceEntry, PresenceService } from './presence.service.js';

@ApiTags('presence')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/presence')
export class PresenceController {
  constructor(
    private readonly presence: PresenceService,
    private readonly members: MembersService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every member who can take calls, with their effective status' })
  async list(@Access() access: WorkspaceAccess): Promise<PresenceEntry[]> {
    const agents = (await this.members.list(access.workspaceId))
      .filter((m) => can(m.role, 'calls.receive', access.toggles))
      .map((m) => ({ userId: m.userId, name: m.name, role: m.role }));
    return this.presence.list(access.workspaceId, agents);
  }

  @Put('me')
  @RequirePermission('calls.receive')
  @ApiOperation({ summary: 'Set the intended status (online, away, dnd)' })
  async setMine(@Access() access: WorkspaceAccess, @Body() dto: SetPresenceDto): Promise<{ status: PresenceStatus }> {
    if (!access.userId) throw forbidden('Presence belongs to people, not API keys');
    return { status: await this.presence.setIntended(access.workspaceId, access.userId, dto.status) };
  }
}
