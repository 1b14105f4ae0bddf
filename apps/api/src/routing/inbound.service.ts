import { Inject, Injectable, Logger } from '@nestjs/common';
import { can, DEFAULT_PERMISSION_TOGGLES, ROLES } from '@ringtonic/contracts';
import { CallLifecycleService } from '../call-logs/call-lifecycle.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { PhoneNumbersService } from '../dialer-provisioning/phone-numbers.service.js';
import { PresenceService } from '../presence/presence.service.js';
import { RealtimeEmitter } from '../realtime/realtime.emitter.js';
import { parkCallerTwiml, sayAndHangupTwiml, voicemailTwiml } from '../telephony/twiml.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { CallerNameService } from './caller-name.service.js';
import { conferenceName, RingStateService, toRingingEvent } from './ring-state.service.js';
import { routingUrls } from './routing-urls.js';

export interface InboundParams {
  CallSid?: string;
  AccountSid?: string;
  From?: string;
  To?: string;
}

// Roles that receive calls (the matrix has no toggle for it).
const RECEIVERS = ROLES.filter((r) => can(r, 'calls.receive', DEFAULT_PERMISSION_TOGGLES));

/**
 * A call to a tracking number: log and contact first (idempotent by CallSid), then either
 * voicemail (nobody online) or park the caller in its conference and ring every online agent.
 */
@Injectable()
export class InboundService {
  private readonly logger = new Logger(InboundService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly numbers: PhoneNumbersService,
    private readonly workspaces: WorkspaceService,
    private readonly contacts: ContactsService,
    private readonly logs: CallLifecycleService,
    private readonly presence: PresenceService,
    private readonly ring: RingStateService,
    private readonly callerNames: CallerNameService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async handle(p: InboundParams): Promise<string> {
    const urls = routingUrls(this.config.publicUrl);
    if (!p.CallSid || !p.AccountSid || !p.From || !p.To) return sayAndHangupTwiml('We could not take this call.');
    const tracking = await this.numbers.byCalledNumber(p.AccountSid, p.To);
    if (!tracking) {
      this.logger.warn(`Inbound call to ${p.To}, which no workspace tracks`);
      return sayAndHangupTwiml('The number you called is not in service.');
    }
    const [ws, contact] = await Promise.all([
      this.workspaces.get(tracking.workspaceId),
      this.contacts.findOrCreateByPhone(tracking.workspaceId, p.From, 'call'),
    ]);
    const log = await this.logs.upsert({
      workspaceId: ws.id,
      twilioCallSid: p.CallSid,
      direction: 'inbound',
      status: 'ringing',
      fromE164: p.From,
      toE164: p.To,
      contactId: contact.id,
      agentUserId: null,
      trackingNumberId: tracking.id,
      campaignId: tracking.campaignId,
    });

    const announcement = ws.recordCalls ? ws.recordingAnnouncement : null;
    const [existing, agents] = await Promise.all([this.ring.byId(log.id), this.presence.onlineUserIds(ws.id, RECEIVERS)]);
    if (existing && existing.state !== 'ended') return parkCallerTwiml(conferenceName(log.id), urls, announcement); // Twilio retried
    if (agents.length === 0) {
      await this.logs.transition({ callLogId: log.id }, 'missed');
      return voicemailTwiml(urls);
    }
    const { row, fresh } = await this.ring.start(
      {
        call_log_id: log.id,
        workspace_id: ws.id,
        caller_call_sid: p.CallSid,
        from_e164: p.From,
        caller_name: contact.name,
        tracking_number: tracking.e164,
        campaign_name: tracking.campaignName,
        ring_deadline: new Date(Date.now() + ws.ringTimeoutSeconds * 1000),
      },
      agents,
    );
    if (fresh) {
      this.realtime.toUsers(ws.id, agents, 'call.ringing', toRingingEvent(row));
      if (!contact.name) void this.addCallerName(row.call_log_id, ws.id, p.From);
    }
    return parkCallerTwiml(conferenceName(log.id), urls, announcement);
  }

  // Ringing never waits for CNAM: a name found later rings the same call again, with the name.
  private async addCallerName(callLogId: string, workspaceId: string, from: string): Promise<void> {
    try {
      const name = await this.callerNames.lookup(workspaceId, from);
      const row = name ? await this.ring.setCallerName(callLogId, name) : null;
      if (row) this.realtime.toUsers(workspaceId, await this.ring.ringingUserIds(callLogId), 'call.ringing', toRingingEvent(row));
    } catch (e) {
      this.logger.warn(`Caller name for call ${callLogId} failed: ${(e as Error).message}`);
    }
  }
}
