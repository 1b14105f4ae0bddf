import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AgentReport, CallSummary, KeywordReport } from '@ringtonic/contracts';
import { Access, RequirePermission, WorkspaceScoped } from '../../common/decorators.js';
import type { WorkspaceAccess } from '../../common/request-context.js';
import { WorkspaceAccessGuard } from '../../workspace/workspace-access.guard.js';
import { ReportRangeDto } from '../dto/list-call-logs.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('agents')
  @RequirePermission('callLogs.view')
  @ApiOperation({ summary: 'Agent leaderboard: calls made/answered, talk time, qualified calls, attributed revenue' })
  agents(@Access() access: WorkspaceAccess, @Query() range: ReportRangeDto): Promise<AgentReport> {
    return this.reports.agents(access.workspaceId, range);
  }

  @Get('keywords')
  @RequirePermission('callLogs.view')
  @ApiOperation({ summary: 'Top AI keywords per campaign for the date range' })
  keywords(@Access() access: WorkspaceAccess, @Query() range: ReportRangeDto): Promise<KeywordReport> {
    return this.reports.keywords(access.workspaceId, range);
  }

  @Get('summary')
  @RequirePermission('callLogs.view')
  @ApiOperation({ summary: 'Totals for the dashboard cards: calls, answer rate, missed calls, revenue' })
  summary(@Access() access: WorkspaceAccess, @Query() range: ReportRangeDto): Promise<CallSummary> {
    return this.reports.summary(access.workspaceId, range);
  }
}
