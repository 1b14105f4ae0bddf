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
import type { TwilioWebhookScope } from '../telephony/twilio-webhook-scope.js';
import { CallerNameService } from './caller-name.service.js';
import { conferenceName, RingStateService, toRingingEvent } from './ring-state.service.js';
import { routingUrls } from './routing-urls.js';

export interface InboundParams {
  CallSid?: string;
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
    private readonly contacts: ContactsService,
    private readonly logs: CallLifecycleService,
    private readonly presence: PresenceService,
    private readonly ring: RingStateService,
    private readonly callerNames: CallerNameService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async handle(scope: TwilioWebhookScope, p: InboundParams): Promise<string> {
    const urls = routingUrls(this.config.publicUrl);
    if (!p.CallSid || !p.From || !p.To) return sayAndHangupTwiml('We could not take this call.');
    // Four round trips before the reply: the number (with its workspace's settings); the contact and
    // who is online, at once; the log; ringing (the call and its offers in one statement).
    const tracking = await this.numbers.byCalledNumber(scope.workspaceId, scope.accountSid, p.To);
    if (!tracking) {
      this.logger.warn(`Inbound call to ${p.To}, which no workspace tracks`);
      return sayAndHangupTwiml('The number you called is not in service.');
    }
    const workspaceId = tracking.workspaceId;
    const [contact, agents] = await Promise.all([
      this.contacts.findOrCreateByPhone(workspaceId, p.From, 'call'),
      this.presence.onlineUserIds(workspaceId, RECEIVERS),
    ]);
    const log = await this.logs.upsert({
      workspaceId,
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
    if (!log) return sayAndHangupTwiml('We could not take this call.'); // another workspace's CallSid

    const announcement = tracking.recordCalls ? tracking.recordingAnnouncement : null;
    // A new log cannot be ringing yet; only a repeated webhook needs to look.
    const existing = log.created ? null : await this.ring.byId(log.id, workspaceId);
    if (existing && existing.state !== 'ended') return parkCallerTwiml(conferenceName(log.id), urls, announcement); // Twilio retried
    if (agents.length === 0) {
      await this.logs.transition({ workspaceId, callLogId: log.id }, 'missed');
      return voicemailTwiml(urls);
    }
    const { row, fresh } = await this.ring.start(
      {
        call_log_id: log.id,
        workspace_id: workspaceId,
        caller_call_sid: p.CallSid,
        from_e164: p.From,
        caller_name: contact.name,
        tracking_number: tracking.e164,
        campaign_name: tracking.campaignName,
        ring_deadline: new Date(Date.now() + tracking.ringTimeoutSeconds * 1000),
      },
      agents,
    );
    if (fresh) {
      this.realtime.toUsers(workspaceId, agents, 'call.ringing', toRingingEvent(row));
      if (!contact.name) void this.addCallerName(row.call_log_id, workspaceId, p.From);
    }
    return parkCallerTwiml(conferenceName(log.id), urls, announcement);
  }

  // Ringing never waits for CNAM: a name found later rings the same call again, with the name.
  private async addCallerName(callLogId: string, workspaceId: string, from: string): Promise<void> {
    try {
      const name = await this.callerNames.lookup(workspaceId, from);
      const named = name ? await this.ring.setCallerName(callLogId, name) : null;
      if (named) this.realtime.toUsers(workspaceId, named.ringingUserIds, 'call.ringing', toRingingEvent(named.row));
    } catch (e) {
      this.logger.warn(`Caller name for call ${callLogId} failed: ${(e as Error).message}`);
    }
  }
}
