import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallStatus } from '@ringtonic/contracts';
import { DataSource } from 'typeorm';
import { AiPipelineService } from '../ai/ai-pipeline.service.js';
import { isUuid } from '../common/uuid.js';
import { CallLifecycleService } from '../call-logs/call-lifecycle.service.js';
import { PresenceService } from '../presence/presence.service.js';
import { RealtimeEmitter } from '../realtime/realtime.emitter.js';
import { sayAndHangupTwiml } from '../telephony/twiml.js';
import type { TwilioWebhookScope } from '../telephony/twilio-webhook-scope.js';
import { RingStateService } from './ring-state.service.js';

export type TwilioParams = Record<string, string | undefined>;

const num = (v: string | undefined) => (v === undefined || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));

/**
 * Twilio's asynchronous callbacks (status, conference, recording, voicemail): the call log's
 * lifecycle, presence's in-call flag, and `call.ended` when a ringing caller gives up. Every read and
 * write is within the workspace holding the signing account (`scope`, from the signature guard).
 */
@Injectable()
export class CallEventsService {
  private readonly logger = new Logger(CallEventsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly logs: CallLifecycleService,
    private readonly ring: RingStateService,
    private readonly presence: PresenceService,
    private readonly realtime: RealtimeEmitter,
    private readonly ai: AiPipelineService,
  ) {}

  async status(scope: TwilioWebhookScope, p: TwilioParams): Promise<void> {
    if (!p.CallSid || !p.CallStatus) return;
    const workspaceId = scope.workspaceId;
    // A <Dial>ed child leg reports for its parent's log; only the parent's own sequence orders it.
    const ownLeg = !p.ParentCallSid;
    const callSid = p.ParentCallSid ?? p.CallSid;
    if (ownLeg) await this.callerGaveUp(workspaceId, p.CallSid, p.CallStatus);
    const status = await this.statusFor(workspaceId, callSid, p.CallStatus, ownLeg);
    if (!status) return;
    const changed = await this.logs.transition({ workspaceId, twilioCallSid: callSid }, status, {
      sequence: ownLeg ? num(p.SequenceNumber) : undefined,
      durationSeconds: num(p.CallDuration) ?? num(p.DialCallDuration),
    });
    if (changed) this.afterTransition(changed, status);
  }

  async conference(scope: TwilioWebhookScope, p: TwilioParams): Promise<void> {
    const callLogId = /^call-([0-9a-f-]{36})$/.exec(p.FriendlyName ?? '')?.[1];
    if (!isUuid(callLogId)) return;
    const workspaceId = scope.workspaceId;
    const row = await this.ring.byId(callLogId, workspaceId);
    if (!row) return;
    const event = p.StatusCallbackEvent;
    if (event === 'participant-leave' && p.CallSid === row.caller_call_sid) await this.callerGaveUp(workspaceId, row.caller_call_sid, 'completed');
    if (event === 'conference-end' || (event === 'participant-leave' && p.CallSid !== row.caller_call_sid)) {
      await this.ring.end({ workspaceId, callLogId }, 'completed', false);
      const changed = await this.logs.transition({ workspaceId, callLogId }, 'completed');
      if (changed) this.afterTransition(changed, 'completed');
      if (row.claimed_by_user_id) await this.presence.setInCall(row.workspace_id, row.claimed_by_user_id, false);
    }
  }

  async recording(scope: TwilioWebhookScope, p: TwilioParams, callLogId?: string): Promise<void> {
    if (!p.RecordingSid || !p.RecordingUrl || (p.RecordingStatus && p.RecordingStatus !== 'completed')) return;
    const recording = { sid: p.RecordingSid, url: p.RecordingUrl, durationSeconds: num(p.RecordingDuration) ?? null };
    // The log id our TwiML put in a conference recording's callback URL (signed), else the CallSid.
    const where = isUuid(callLogId) ? { callLogId } : p.CallSid ? { twilioCallSid: p.CallSid } : null;
    if (!where) return;
    const log = await this.logs.attachRecording({ ...where, ...scope }, recording, p.RecordingSource === 'RecordVerb');
    if (!log) return;
    // Queuing an analysis announces the change itself; otherwise say the recording is there.
    if (!(await this.ai.startForRecording(log.id))) this.realtime.toWorkspace(log.workspaceId, 'calllog.updated', { id: log.id });
  }

  /** The <Record> action: the message is in; the recording callback stores it. */
  async voicemailDone(scope: TwilioWebhookScope, p: TwilioParams): Promise<string> {
    // The recording may not be fetchable yet: its analysis starts from the recording callback.
    if (p.CallSid && p.RecordingSid && p.RecordingUrl) {
      const recording = { sid: p.RecordingSid, url: p.RecordingUrl, durationSeconds: num(p.RecordingDuration) ?? null };
      await this.logs.attachRecording({ twilioCallSid: p.CallSid, ...scope }, recording, true);
    }
    return sayAndHangupTwiml('Thank you for your message. Goodbye.');
  }

  // The caller hung up (or the call failed) while agents were still being rung.
  private async callerGaveUp(workspaceId: string, callerSid: string, twilioStatus: string): Promise<void> {
    if (!['completed', 'canceled', 'busy', 'failed', 'no-answer'].includes(twilioStatus)) return;
    const ended = await this.ring.end({ workspaceId, callerCallSid: callerSid }, 'caller_hung_up');
    if (!ended) return;
    this.realtime.toWorkspace(ended.workspace_id, 'call.ended', { callId: ended.call_log_id, reason: 'caller_hung_up' });
    if (ended.claimed_by_user_id) await this.presence.setInCall(ended.workspace_id, ended.claimed_by_user_id, false);
  }

  private async statusFor(workspaceId: string, callSid: string, twilioStatus: string, ownLeg: boolean): Promise<CallStatus | null> {
    const [log] = (await this.db.query(`SELECT direction, answered_at FROM call_logs WHERE twilio_call_sid = $1 AND workspace_id = $2`, [callSid, workspaceId])) as Array<{
      direction: 'inbound' | 'outbound';
      answered_at: Date | null;
    }>;
    if (!log) return null;
    switch (twilioStatus) {
      case 'in-progress':
        // An inbound caller "in progress" is only parked; the agent joining answers it.
        return log.direction === 'outbound' && !ownLeg ? 'in_progress' : null;
      case 'completed':
        return log.answered_at ? 'completed' : log.direction === 'inbound' ? 'missed' : ownLeg ? 'canceled' : 'completed';
      case 'busy':
        return 'busy';
      case 'no-answer':
        return 'no_answer';
      case 'failed':
        return 'failed';
      case 'canceled':
        return log.direction === 'inbound' ? 'missed' : 'canceled';
      default:
        return null;
    }
  }

  private afterTransition(changed: { id: string; workspaceId: string; agentUserId: string | null }, status: CallStatus): void {
    this.realtime.toWorkspace(changed.workspaceId, 'calllog.updated', { id: changed.id });
    if (status !== 'in_progress' && status !== 'ringing' && changed.agentUserId) {
      void this.presence.setInCall(changed.workspaceId, changed.agentUserId, false).catch((e: Error) => this.logger.warn(e.message));
    }
  }
}
