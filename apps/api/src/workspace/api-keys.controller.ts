import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyView, CreatedApiKey } from '@ringtonic/contracts';
import { Access, NoApiKeys, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-keys.dto.js';
import { ApiKeysService } from './api-keys.service.js';
import { WorkspaceAccessGuard } from './workspace-access.guard.js';

@ApiTags('api-keys')
@WorkspaceScoped(WorkspaceAccessGuard)
@RequirePermission('workspace.manage')
@NoApiKeys()
@ApiForbiddenResponse({ description: 'Not an owner/admin, or called with an API key (API_KEY_FORBIDDEN): keys cannot manage keys' })
@Controller('api/v1/workspaces/:workspaceId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key, optionally expiring; its value is in this response only' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@Access() access: WorkspaceAccess, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.create(access.workspaceId, dto, access.userId);
  }

  @Get()
  @ApiOperation({ summary: 'Live (unrevoked) keys with their expiry and last use' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(@Access() access: WorkspaceAccess): Promise<{ items: ApiKeyView[]; nextCursor: null }> {
    return { items: await this.keys.list(access.workspaceId), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@Access() access: WorkspaceAccess, @Param('id', UuidParam) id: string): Promise<void> {
    return this.keys.revoke(access.workspaceId, id);
  }
}
