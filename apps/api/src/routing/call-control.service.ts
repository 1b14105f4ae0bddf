import { HttpStatus, Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { CallRingingEvent } from '@ringtonic/contracts';
import { CallLifecycleService } from '../call-logs/call-lifecycle.service.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RealtimeEmitter } from '../realtime/realtime.emitter.js';
import { TwilioClientFactory, twilioErrorCode } from '../telephony/twilio-client.factory.js';
import { voicemailTwiml } from '../telephony/twiml.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { conferenceName, type RingingCallRow, RingStateService, toRingingEvent } from './ring-state.service.js';
import { routingUrls } from './routing-urls.js';

// How long a claim may wait for the winner's browser to join before the call rings again.
export const CLAIM_GRACE_SECONDS = 15;

/** Answer, reject, the ring deadline and voicemail: the agent-facing side of a ringing call. */
@Injectable()
export class CallControlService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CallControlService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ring: RingStateService,
    private readonly logs: CallLifecycleService,
    private readonly realtime: RealtimeEmitter,
    private readonly workspaces: WorkspaceService,
    private readonly twilio: TwilioClientFactory,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep().catch((e: Error) => this.logger.warn(`Ring sweep failed: ${e.message}`)), 500);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async ringing(access: WorkspaceAccess): Promise<CallRingingEvent[]> {
    if (!access.userId) return [];
    return (await this.ring.ringingFor(access.workspaceId, access.userId)).map(toRingingEvent);
  }

  async answer(access: WorkspaceAccess, callLogId: string): Promise<{ callId: string; conference: string }> {
    const userId = this.person(access);
    const verdict = await this.ring.claim(access.workspaceId, callLogId, userId);
    if (verdict.won) {
      this.realtime.toWorkspace(access.workspaceId, 'call.claimed', { callId: callLogId, answeredBy: { userId, name: verdict.claimedByName ?? '' } });
      return { callId: callLogId, conference: conferenceName(callLogId) };
    }
    const { row, claimedByName } = verdict.stale ? await this.ring.claimHolder(access.workspaceId, callLogId) : verdict;
    if (!row) throw notFound('Call');
    if (row.claimed_by_user_id && row.state !== 'ended') {
      throw new DomainError('ALREADY_ANSWERED', `${claimedByName ?? 'Someone'} already answered this call`, HttpStatus.CONFLICT, {
        answeredBy: { userId: row.claimed_by_user_id, name: claimedByName ?? '' },
      });
    }
    throw new DomainError('ALREADY_ANSWERED', 'This call is no longer ringing for you', HttpStatus.CONFLICT, { answeredBy: null });
  }

  async reject(access: WorkspaceAccess, callLogId: string): Promise<void> {
    const userId = this.person(access);
    const { found, allDeclined } = await this.ring.decline(access.workspaceId, callLogId, userId);
    if (!found) throw notFound('Call');
    this.realtime.toUsers(access.workspaceId, [userId], 'call.ended', { callId: callLogId, reason: 'declined' });
    if (allDeclined) {
      const ended = await this.ring.end({ workspaceId: access.workspaceId, callLogId }, 'declined');
      if (ended) await this.toVoicemail(ended, 'declined');
    }
  }

  /** Deadlines and abandoned claims, one statement each: safe with several API instances. */
  async sweep(): Promise<void> {
    for (const row of await this.ring.expireDeadlines()) await this.toVoicemail(row, 'timeout');
    for (const row of await this.ring.releaseStaleClaims(CLAIM_GRACE_SECONDS)) {
      this.logger.warn(`Call ${row.call_log_id} was claimed but never joined: ringing again`);
      this.realtime.toUsers(row.workspace_id, await this.ring.offeredUserIds(row.call_log_id), 'call.ringing', toRingingEvent(row));
    }
  }

  /** Nobody took it: the caller's leg is redirected to the voicemail greeting. */
  private async toVoicemail(row: RingingCallRow, reason: 'timeout' | 'declined'): Promise<void> {
    this.realtime.toWorkspace(row.workspace_id, 'call.ended', { callId: row.call_log_id, reason });
    await this.logs.transition({ workspaceId: row.workspace_id, callLogId: row.call_log_id }, 'missed');
    const s = await this.workspaces.twilioCredentials(row.workspace_id);
    if (!s.accountSid || !s.authToken) return;
    try {
      await this.twilio
        .create({ accountSid: s.accountSid, authToken: s.authToken })
        .api.v2010.accounts(s.accountSid)
        .calls(row.caller_call_sid)
        .update({ twiml: voicemailTwiml(routingUrls(this.config.publicUrl)) });
    } catch (e) {
      // 21220: the caller hung up meanwhile; nothing to redirect.
      if (twilioErrorCode(e) !== 21220) this.logger.warn(`Could not send call ${row.call_log_id} to voicemail: ${(e as Error).message}`);
    }
  }

  private person(access: WorkspaceAccess): string {
    if (!access.userId) throw new DomainError('FORBIDDEN', 'Calls are answered by people, not API keys', HttpStatus.FORBIDDEN);
    return access.userId;
  }
}
