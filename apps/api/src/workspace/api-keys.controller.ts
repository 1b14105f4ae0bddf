import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyView, CreatedApiKey } from '@ringtonic/contracts';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { CreateApiKeyDto } from './dto/members.dto.js';
import { ApiKeysService } from './api-keys.service.js';
import { WorkspaceAccessGuard } from './workspace-access.guard.js';

@ApiTags('api-keys')
@WorkspaceScoped(WorkspaceAccessGuard)
@RequirePermission('workspace.manage')
@Controller('api/v1/workspaces/:workspaceId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; its value is in this response only' })
  create(@Access() access: WorkspaceAccess, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.create(access.workspaceId, dto.name, access.userId);
  }

  @Get()
  async list(@Access() access: WorkspaceAccess): Promise<{ items: ApiKeyView[]; nextCursor: null }> {
    return { items: await this.keys.list(access.workspaceId), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Access() access: WorkspaceAccess, @Param('id', UuidParam) id: string): Promise<void> {
    return this.keys.revoke(access.workspaceId, id);
  }
}
