import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AiConnectionTestResult, CallLogView, UpdateCallLogResponse } from '@ringtonic/contracts';
import { CallLogsService } from '../call-logs/call-logs.service.js';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { WorkspaceAccessGuard } from '../workspace/workspace-access.guard.js';
import { AiConnectionService } from './ai-connection.service.js';
import { AiPipelineService } from './ai-pipeline.service.js';
import { AiConnectionTestDto } from './dto/ai-connection-test.dto.js';

@ApiTags('ai')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId')
export class AiController {
  constructor(
    private readonly connection: AiConnectionService,
    private readonly pipeline: AiPipelineService,
    private readonly callLogs: CallLogsService,
  ) {}

  @Post('ai/test')
  @HttpCode(200)
  @RequirePermission('workspace.manage')
  @ApiOperation({ summary: 'Try the AI endpoint with the saved settings or the unsaved ones given; reports the exact error' })
  test(@Access() access: WorkspaceAccess, @Body() dto: AiConnectionTestDto): Promise<AiConnectionTestResult> {
    return this.connection.test(access.workspaceId, dto);
  }

  @Post('call-logs/:callLogId/ai/accept')
  @HttpCode(200)
  @RequirePermission('leads.qualify')
  @ApiOperation({ summary: "Accept the AI's lead status and deal value as this call's qualification (within 24 h also the contact's lead status)" })
  accept(@Access() access: WorkspaceAccess, @Param('callLogId', UuidParam) id: string): Promise<UpdateCallLogResponse> {
    return this.callLogs.acceptAiSuggestion(access, id);
  }

  @Post('call-logs/:callLogId/ai/retry')
  @HttpCode(200)
  @RequirePermission('leads.qualify')
  @ApiOperation({ summary: 'Analyse a recorded call: again after a failure, or one recorded before AI was on' })
  async retry(@Access() access: WorkspaceAccess, @Param('callLogId', UuidParam) id: string): Promise<CallLogView> {
    await this.pipeline.retry(access.workspaceId, id);
    return this.callLogs.get(access, id);
  }
}
