import { Inject, Injectable, Logger } from '@nestjs/common';
import { can } from '@ringtonic/contracts';
import { CallLifecycleService } from '../call-logs/call-lifecycle.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { PhoneNumbersService } from '../dialer-provisioning/phone-numbers.service.js';
import { PresenceService } from '../presence/presence.service.js';
import { joinConferenceTwiml, outboundDialTwiml, sayAndHangupTwiml, whisperTwiml } from '../telephony/twiml.js';
import type { TwilioWebhookScope } from '../telephony/twilio-webhook-scope.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { conferenceName, RingStateService } from './ring-state.service.js';
import { routingUrls } from './routing-urls.js';
import { isUuid } from '../common/uuid.js';

export type ClientParams = Record<string, string | undefined>;

/** `client:agent_<32 hex>` → the user id it was minted for (see tokens' voiceIdentity). */
export function userIdOfIdentity(from: string | undefined): string | null {
  const m = /^client:agent_([0-9a-f]{32})$/.exec(from ?? '');
  if (!m) return null;
  const h = m[1]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The TwiML App's voice URL: a browser device connected. With `answerCallId` it is the claim
 * holder joining a ringing call; otherwise an outbound call to `To` from tracking number `CallerId`.
 */
@Injectable()
export class ClientWebhookService {
  private readonly logger = new Logger(ClientWebhookService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspaceService,
    private readonly ring: RingStateService,
    private readonly logs: CallLifecycleService,
    private readonly presence: PresenceService,
    private readonly numbers: PhoneNumbersService,
    private readonly contacts: ContactsService,
  ) {}

  async handle(scope: TwilioWebhookScope, p: ClientParams): Promise<string> {
    const ws = p.ApplicationSid ? await this.workspaces.byTwimlApp(scope.workspaceId, scope.accountSid, p.ApplicationSid) : null;
    const userId = userIdOfIdentity(p.From);
    const access = ws && userId ? await this.workspaces.accessFor(userId, ws.id) : null;
    if (!ws || !userId || !access || !p.CallSid) return sayAndHangupTwiml('This device is not allowed to place calls.');
    return p.answerCallId ? this.join(ws, userId, p.answerCallId) : this.outbound(ws, access.role, userId, p);
  }

  private async join(ws: { id: string; recordCalls: boolean }, userId: string, callLogId: string): Promise<string> {
    const row = isUuid(callLogId) ? await this.ring.connect(ws.id, callLogId, userId) : null;
    if (!row) return sayAndHangupTwiml('This call was answered by a teammate.');
    await this.logs.answered(ws.id, callLogId, userId);
    await this.presence.setInCall(ws.id, userId, true);
    return joinConferenceTwiml(conferenceName(callLogId), routingUrls(this.config.publicUrl), ws.recordCalls ? { callLogId } : null);
  }

  /**
   * The whisper an outbound callee hears once they pick up, before the bridge: the workspace's
   * consent announcement as it is now. A read only (Twilio may retry); a workspace other than the
   * one holding the signing account, or recording since turned off → an empty document (the callee is bridged).
   */
  async whisper(scope: TwilioWebhookScope, workspaceId: unknown): Promise<string> {
    const ws = isUuid(workspaceId) && workspaceId === scope.workspaceId ? await this.workspaces.get(workspaceId).catch(() => null) : null;
    if (!ws || ws.twilio.accountSid !== scope.accountSid || !ws.recordCalls) return whisperTwiml(null);
    return whisperTwiml(ws.recordingAnnouncement);
  }

  private async outbound(ws: { id: string; recordCalls: boolean; recordingAnnouncement: string | null; permissions: Parameters<typeof can>[2] }, role: Parameters<typeof can>[0], userId: string, p: ClientParams): Promise<string> {
    if (!can(role, 'calls.make', ws.permissions)) return sayAndHangupTwiml('Your role does not allow outbound calls.');
    const callerId = p.CallerId ? await this.numbers.ofWorkspace(ws.id, p.CallerId) : null;
    if (!callerId) return sayAndHangupTwiml('Choose one of your workspace tracking numbers as the caller ID.');
    let to: string;
    try {
      to = await this.contacts.normalisePhone(ws.id, p.To ?? '');
    } catch {
      this.logger.log(`Refused an outbound call to an invalid number from user ${userId}`);
      return sayAndHangupTwiml('The number you dialed is not valid. Please check it and include the country code.');
    }
    const contact = await this.contacts.findOrCreateByPhone(ws.id, to, 'call');
    const log = await this.logs.upsert({
      workspaceId: ws.id,
      twilioCallSid: p.CallSid!,
      direction: 'outbound',
      status: 'ringing',
      fromE164: callerId.e164,
      toE164: to,
      contactId: contact.id,
      agentUserId: userId,
      trackingNumberId: callerId.id,
      campaignId: callerId.campaignId,
    });
    if (!log) return sayAndHangupTwiml('This device is not allowed to place calls.'); // another workspace's CallSid
    await this.presence.setInCall(ws.id, userId, true);
    const urls = routingUrls(this.config.publicUrl);
    return outboundDialTwiml({ callerId: callerId.e164, to, record: ws.recordCalls, urls, whisperFor: ws.recordingAnnouncement ? ws.id : null });
  }
}
