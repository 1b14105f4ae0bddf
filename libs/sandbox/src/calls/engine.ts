import { EventEmitter } from 'node:events';
import { rfc2822 } from '../rest/format.js';
import { newSid } from '../state/ids.js';
import type { Store } from '../state/store.js';
import type { Account, CallDirection, CallRecord, CallStatus } from '../state/types.js';
import { TERMINAL_STATUSES } from '../state/types.js';
import { LiveCall, type CallbackConfig, type Endpoint } from './live-call.js';
import type { DeviceDirectory } from './ring.js';
import { ConferenceEngine } from './conferences.js';
import { sendWebhook, type Params, type WebhookResult } from './webhook.js';

export interface EngineOptions {
  // How many real milliseconds one TwiML second lasts (Pause, timeouts, durations).
  secondMs: number;
  webhookTimeoutMs: number;
  publicUrl: () => string;
}

export interface NewCall {
  account: Account;
  from: string;
  to: string;
  direction: CallDirection;
  endpoint: Endpoint;
  status?: CallStatus;
  parentCallSid?: string | null;
  phoneNumberSid?: string | null;
  applicationSid?: string | null;
  callerName?: string | null;
  statusCallback?: CallbackConfig | null;
}

const SIP_CODES: Partial<Record<CallStatus, string>> = {
  completed: '200', 'in-progress': '200', busy: '486', 'no-answer': '487', canceled: '487', failed: '500',
};

// Owns live calls: creation, status changes with their callbacks, signed requests, hangups.
export class CallEngine {
  readonly live = new Map<string, LiveCall>();
  devices: DeviceDirectory | null = null;
  // 'status' (call, status) after every status change.
  readonly events = new EventEmitter();
  readonly conferences: ConferenceEngine = new ConferenceEngine(this);
  private readonly stopping = new AbortController();
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    readonly store: Store,
    readonly options: EngineOptions,
  ) {}

  get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  seconds(s: number): number {
    return s * this.options.secondMs;
  }

  createCall(input: NewCall): LiveCall {
    const now = new Date();
    const record: CallRecord = {
      sid: newSid('CA'),
      accountSid: input.account.sid,
      parentCallSid: input.parentCallSid ?? null,
      from: input.from,
      to: input.to,
      direction: input.direction,
      status: input.status ?? 'queued',
      phoneNumberSid: input.phoneNumberSid ?? null,
      applicationSid: input.applicationSid ?? null,
      callerName: input.callerName ?? null,
      dateCreated: now,
      dateUpdated: now,
      startTime: null,
      answeredAt: null,
      endTime: null,
      conferenceSid: null,
      bridgedCallSid: null,
      recordingSids: [],
      transcript: [],
      events: [],
    };
    const call = new LiveCall(record, input.account, input.endpoint);
    call.statusCallback = input.statusCallback ?? null;
    this.store.calls.set(record.sid, record);
    this.live.set(record.sid, call);
    this.event(call, 'created', { from: record.from, to: record.to, direction: record.direction, status: record.status });
    return call;
  }

  event(call: LiveCall, type: string, detail: Record<string, unknown> = {}): void {
    call.record.events.push({ at: new Date().toISOString(), type, ...detail });
  }

  standardParams(call: LiveCall): Params {
    const r = call.record;
    const params: Params = {
      AccountSid: r.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: r.sid,
      CallStatus: r.status === 'queued' ? 'initiated' : r.status,
      Called: r.to,
      Caller: r.from,
      Direction: r.direction,
      From: r.from,
      To: r.to,
    };
    if (r.parentCallSid) params.ParentCallSid = r.parentCallSid;
    if (r.callerName) params.CallerName = r.callerName;
    return { ...params, ...call.extraParams };
  }

  resolveUrl(call: LiveCall, url: string): string {
    return new URL(url, call.documentUrl ?? this.options.publicUrl()).toString();
  }

  // A signed request about a call to the app (TwiML fetch, action, callback).
  async request(call: LiveCall, url: string, method: string, extra: Params, purpose: string): Promise<WebhookResult> {
    const target = this.resolveUrl(call, url);
    const params = { ...this.standardParams(call), ...extra };
    const result = await this.send(call.account.authToken, target, method, params);
    this.event(call, 'webhook', { purpose, url: target, method: method.toUpperCase(), status: result.status, ...(result.errorCode ? { errorCode: result.errorCode, error: result.error } : {}) });
    return result;
  }

  send(authToken: string, url: string, method: string, params: Params): Promise<WebhookResult> {
    if (this.stopped) return Promise.resolve({ ok: false, status: 0, body: '', contentType: '', errorCode: 11205, error: 'sandbox stopped' });
    const promise = sendWebhook({ url, method, params, authToken, timeoutMs: this.options.webhookTimeoutMs, signal: this.stopping.signal });
    this.inflight.add(promise);
    void promise.finally(() => this.inflight.delete(promise));
    return promise;
  }

  // Callbacks whose answer is ignored go out one after another per call, in SequenceNumber order.
  notify(call: LiveCall, url: string, method: string, extra: Params, purpose: string): void {
    call.callbackChain = call.callbackChain.then(async () => {
      await this.request(call, url, method, extra, purpose);
    });
  }

  private statusCallback(call: LiveCall, event: string): void {
    const cb = call.statusCallback;
    if (!cb || !cb.events.has(event)) return;
    const r = call.record;
    const extra: Params = {
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(call.sequence++),
      Timestamp: rfc2822(new Date())!,
    };
    // The status as of this event: callbacks are sent later, in order, after the call may have moved on.
    extra.CallStatus = event === 'initiated' || r.status === 'queued' ? 'initiated' : r.status;
    const sip = SIP_CODES[r.status];
    if (sip && event !== 'initiated' && event !== 'ringing') extra.SipResponseCode = sip;
    if (TERMINAL_STATUSES.includes(r.status)) {
      const duration = this.durationSeconds(r);
      extra.CallDuration = String(duration);
      extra.Duration = String(Math.ceil(duration / 60));
    }
    this.notify(call, cb.url, cb.method, extra, `status-callback:${event}`);
  }

  durationSeconds(r: CallRecord): number {
    if (!r.answeredAt) return 0;
    const end = r.endTime ?? new Date();
    return Math.max(1, Math.round((end.getTime() - r.answeredAt.getTime()) / this.options.secondMs));
  }

  initiated(call: LiveCall): void {
    this.statusCallback(call, 'initiated');
  }

  setStatus(call: LiveCall, status: CallStatus): void {
    if (call.isEnded || call.record.status === status) return;
    const r = call.record;
    const now = new Date();
    r.status = status;
    r.dateUpdated = now;
    if (status === 'in-progress') {
      r.answeredAt = now;
      r.startTime = now;
    }
    const terminal = TERMINAL_STATUSES.includes(status);
    if (terminal) {
      r.endTime = now;
      r.startTime ??= now;
    }
    this.event(call, 'status', { status });
    this.events.emit('status', call, status);
    if (status === 'ringing') this.statusCallback(call, 'ringing');
    if (status === 'in-progress') {
      this.statusCallback(call, 'answered');
      call.emit('answered');
    }
    if (terminal) {
      this.statusCallback(call, 'completed');
      call.abortRun('hangup');
      this.live.delete(r.sid);
      call.emit('ended', status);
    }
  }

  answer(call: LiveCall): void {
    if (!call.isEnded && !call.isAnswered) this.setStatus(call, 'in-progress');
  }

  // Ends a live call: answered calls complete; others end with `unanswered` (canceled by default).
  hangup(call: LiveCall, unanswered: CallStatus = 'canceled'): void {
    if (call.isEnded) return;
    this.setStatus(call, call.isAnswered ? 'completed' : unanswered);
  }

  say(call: LiveCall, text: string): void {
    call.record.transcript.push({ at: Date.now(), callSid: call.sid, text });
    this.event(call, 'say', { text });
    call.emit('say', text);
  }

  digits(call: LiveCall, digits: string): void {
    this.event(call, 'digits', { digits });
    call.digitBuffer += digits;
    call.emit('digits', digits);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    for (const call of [...this.live.values()]) call.abortRun('hangup');
    this.live.clear();
    await Promise.allSettled([...this.inflight]);
  }
}
