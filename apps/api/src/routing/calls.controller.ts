import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallRingingEvent } from '@ringtonic/contracts';
import { CallLifecycleService } from '../call-logs/call-lifecycle.service.js';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import { DomainError } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { UuidParam } from '../common/uuid-param.pipe.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { PhoneNumbersService } from '../dialer-provisioning/phone-numbers.service.js';
import { WorkspaceAccessGuard } from '../workspace/workspace-access.guard.js';
import { CallControlService } from './call-control.service.js';
import { CallerIdQueryDto } from './dto/caller-id.dto.js';

@ApiTags('calls')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId')
export class CallsController {
  constructor(
    private readonly control: CallControlService,
    private readonly numbers: PhoneNumbersService,
    private readonly contacts: ContactsService,
    private readonly logs: CallLifecycleService,
  ) {}

  @Get('calls/ringing')
  @RequirePermission('calls.receive')
  @ApiOperation({ summary: 'Calls ringing now that this agent may answer (for a reconnecting widget)' })
  ringing(@Access() access: WorkspaceAccess): Promise<CallRingingEvent[]> {
    return this.control.ringing(access);
  }

  @Post('calls/:callId/answer')
  @HttpCode(200)
  @RequirePermission('calls.receive')
  @ApiOperation({ summary: 'Claim a ringing call: exactly one 200; everyone else 409 ALREADY_ANSWERED with who took it' })
  answer(@Access() access: WorkspaceAccess, @Param('callId', UuidParam) callId: string): Promise<{ callId: string; conference: string }> {
    return this.control.answer(access, callId);
  }

  @Post('calls/:callId/reject')
  @HttpCode(204)
  @RequirePermission('calls.receive')
  @ApiOperation({ summary: 'Stop ringing for this agent; when everyone declined the caller goes to voicemail' })
  reject(@Access() access: WorkspaceAccess, @Param('callId', UuidParam) callId: string): Promise<void> {
    return this.control.reject(access, callId);
  }

  @Get('dialer/caller-id')
  @RequirePermission('calls.make')
  @ApiOperation({ summary: 'Smart caller ID: the tracking number of the last call with this number (sticky), else the first' })
  async callerId(@Access() access: WorkspaceAccess, @Query() q: CallerIdQueryDto): Promise<{ phoneNumberId: string; e164: string; reason: 'sticky' | 'first' }> {
    const to = await this.contacts.normalisePhone(access.workspaceId, q.to);
    const all = await this.numbers.list(access.workspaceId);
    if (all.length === 0) throw new DomainError('DIALER_UNAVAILABLE', 'No tracking numbers: import one on the Phone numbers page', 422);
    const stickyId = await this.logs.lastTrackingNumberWith(access.workspaceId, to, access.userId ?? '00000000-0000-0000-0000-000000000000');
    const sticky = all.find((n) => n.id === stickyId);
    const pick = sticky ?? all[0]!;
    return { phoneNumberId: pick.id, e164: pick.e164, reason: sticky ? 'sticky' : 'first' };
  }
}
