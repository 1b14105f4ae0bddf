import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallLogView, ContactStats, Page, UpdateCallLogResponse } from '@ringtonic/contracts';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { WorkspaceAccessGuard } from '../workspace/workspace-access.guard.js';
import { CallLogsService } from './call-logs.service.js';
import { ContactCallsDto, ListCallLogsDto } from './dto/list-call-logs.dto.js';
import { UpdateCallLogDto } from './dto/update-call-log.dto.js';

@ApiTags('call-logs')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/call-logs')
export class CallLogsController {
  constructor(private readonly callLogs: CallLogsService) {}

  @Get()
  @RequirePermission('callLogs.view')
  @ApiOperation({ summary: 'Calls, newest first, with filters (keyset pages: pass nextCursor back as cursor)' })
  list(@Access() access: WorkspaceAccess, @Query() q: ListCallLogsDto): Promise<Page<CallLogView>> {
    return this.callLogs.list(access, q);
  }

  @Get(':callLogId')
  @RequirePermission('callLogs.view')
  get(@Access() access: WorkspaceAccess, @Param('callLogId', UuidParam) id: string): Promise<CallLogView> {
    return this.callLogs.get(access, id);
  }

  @Patch(':callLogId')
  @RequirePermission('callNotes.add')
  @ApiOperation({ summary: 'Notes and tags; lead status and deal value need leads.qualify and within 24 h also set the contact\'s lead status' })
  update(@Access() access: WorkspaceAccess, @Param('callLogId', UuidParam) id: string, @Body() dto: UpdateCallLogDto): Promise<UpdateCallLogResponse> {
    return this.callLogs.update(access, id, dto);
  }
}

@ApiTags('contacts')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/contacts/:contactId')
export class ContactCallsController {
  constructor(private readonly callLogs: CallLogsService) {}

  @Get('calls')
  @RequirePermission('callLogs.view')
  @ApiOperation({ summary: 'A contact\'s calls, newest first, by page (needs contacts.view too)' })
  calls(@Access() access: WorkspaceAccess, @Param('contactId', UuidParam) id: string, @Query() q: ContactCallsDto): Promise<Page<CallLogView>> {
    return this.callLogs.forContact(access, id, q);
  }

  @Get('stats')
  @RequirePermission('callLogs.view')
  @ApiOperation({ summary: 'A contact\'s call totals (needs contacts.view too)' })
  stats(@Access() access: WorkspaceAccess, @Param('contactId', UuidParam) id: string): Promise<ContactStats> {
    return this.callLogs.statsForContact(access, id);
  }
}
