import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceView } from '@ringtonic/contracts';
import { Access, CurrentUser, NoApiKeys, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { UserPrincipal, WorkspaceAccess } from '../common/request-context.js';
import { CreateWorkspaceDto, UpdateWorkspaceDto } from './dto/workspace-settings.dto.js';
import { WorkspaceAccessGuard } from './workspace-access.guard.js';
import { WorkspaceService } from './workspace.service.js';

@ApiTags('workspaces')
@ApiBearerAuth()
@Controller('api/v1/workspaces')
export class CreateWorkspaceController {
  constructor(private readonly workspaces: WorkspaceService) {}

  @Post()
  @ApiOperation({ summary: 'Create another workspace (plan indie) with the caller as owner' })
  create(@CurrentUser() user: UserPrincipal, @Body() dto: CreateWorkspaceDto): Promise<WorkspaceView> {
    return this.workspaces.create({ name: dto.name, ownerUserId: user.userId });
  }
}

@ApiTags('workspaces')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId')
export class WorkspaceSettingsController {
  constructor(private readonly workspaces: WorkspaceService) {}

  @Get()
  @ApiOperation({ summary: 'Workspace settings; secrets are reported as *Set flags, never echoed' })
  get(@Access() access: WorkspaceAccess): Promise<WorkspaceView> {
    return this.workspaces.get(access.workspaceId);
  }

  @Patch()
  @RequirePermission('workspace.manage')
  @NoApiKeys({ bodyFields: ['twilio', 'dialer', 'ai'] })
  @ApiOperation({ summary: 'Update settings (owner/admin; plan: owner only; twilio, dialer and ai: not with an API key, 403 API_KEY_FORBIDDEN)' })
  update(@Access() access: WorkspaceAccess, @Body() dto: UpdateWorkspaceDto): Promise<WorkspaceView> {
    return this.workspaces.update(access, dto);
  }
}
