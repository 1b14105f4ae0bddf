import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MemberView } from '@ringtonic/contracts';
import { Access, NoApiKeys, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { ChangeRoleDto } from './dto/members.dto.js';
import { MembersService } from './members.service.js';
import { WorkspaceAccessGuard } from './workspace-access.guard.js';

@ApiTags('members')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  async list(@Access() access: WorkspaceAccess): Promise<{ items: MemberView[]; nextCursor: null; total: number }> {
    const items = await this.members.list(access.workspaceId);
    return { items, nextCursor: null, total: items.length };
  }

  @Patch(':userId')
  @RequirePermission('members.manage')
  @NoApiKeys()
  @ApiOperation({ summary: 'Change a member\'s role (never the last owner)' })
  changeRole(@Access() access: WorkspaceAccess, @Param('userId', UuidParam) userId: string, @Body() dto: ChangeRoleDto): Promise<MemberView> {
    return this.members.changeRole(access, userId, dto.role);
  }

  @Delete(':userId')
  @HttpCode(204)
  @RequirePermission('members.manage')
  @NoApiKeys()
  @ApiOperation({ summary: 'Remove a member (never the last owner)' })
  remove(@Access() access: WorkspaceAccess, @Param('userId', UuidParam) userId: string): Promise<void> {
    return this.members.remove(access, userId);
  }
}
