import { fakeCallerName } from '../rest/lookup.js';
import type { Store } from '../state/store.js';
import type { Account, Application } from '../state/types.js';
import { CallEngine, type EngineOptions } from './engine.js';
import type { CallbackConfig, Endpoint, LiveCall } from './live-call.js';
import { ringLeg, settleLeg } from './ring.js';
import { TwimlRunner, type Next } from './runner.js';
import { VERBS } from './verbs/index.js';

export class CallError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface OriginateInput {
  account: Account;
  from: string;
  to: string;
  // What the callee hears once it answers.
  next: Next;
  statusCallback: CallbackConfig | null;
  timeoutSeconds: number;
  applicationSid?: string | null;
  // Called when the callee answers, before the TwiML runs (e.g. joining a conference).
  onAnswer?: (call: LiveCall) => void;
  onUnanswered?: (call: LiveCall) => void;
}

const terminalOnly = (url: string, method: string): CallbackConfig | null =>
  url ? { url, method: method || 'POST', events: new Set(['completed']) } : null;

// Starts calls of every origin and hands them to the TwiML runner.
export class Telephony {
  readonly engine: CallEngine;
  readonly runner: TwimlRunner;

  constructor(readonly store: Store, options: EngineOptions) {
    this.engine = new CallEngine(store, options);
    this.runner = new TwimlRunner(this.engine, VERBS);
  }

  // A pretend phone calls one of the sandbox's numbers (§2.2).
  placeInboundCall(from: string, to: string): LiveCall {
    const number = this.store.findNumberByE164(to);
    if (!number) throw new CallError(404, 21211, `${to} is not a phone number of any sandbox account`);
    const account = this.store.accounts.get(number.accountSid)!;
    const app = number.voiceApplicationSid ? this.store.applications.get(number.voiceApplicationSid) : undefined;
    const voice = app ?? number;
    const lookup = app ? app.voiceCallerIdLookup : number.voiceCallerIdLookup;
    const call = this.engine.createCall({
      account, from, to, direction: 'inbound', status: 'ringing', endpoint: { kind: 'phone', e164: from },
      phoneNumberSid: number.sid,
      applicationSid: app?.sid ?? null,
      callerName: lookup ? fakeCallerName(this.store, from).caller_name : null,
      statusCallback: terminalOnly(voice.statusCallback, voice.statusCallbackMethod),
    });
    if (account.status !== 'active' || !voice.voiceUrl) {
      this.engine.event(call, 'error', { code: 11200, message: account.status !== 'active' ? 'account is not active' : 'number has no voice URL' });
      this.engine.hangup(call, 'failed');
      return call;
    }
    this.runner.start(call, {
      kind: 'fetch', url: voice.voiceUrl, method: voice.voiceMethod,
      fallback: voice.voiceFallbackUrl ? { url: voice.voiceFallbackUrl, method: voice.voiceFallbackMethod } : undefined,
    });
    return call;
  }

  // A browser device connects into a TwiML App (§2.3): From=client:identity, custom params top-level.
  connectClient(account: Account, app: Application, identity: string, params: Record<string, string>): LiveCall {
    const call = this.engine.createCall({
      account, from: `client:${identity}`, to: params.To ?? '', direction: 'inbound', status: 'ringing',
      endpoint: { kind: 'client', identity }, applicationSid: app.sid,
      statusCallback: terminalOnly(app.statusCallback, app.statusCallbackMethod),
    });
    call.extraParams = { ApplicationSid: app.sid };
    const first = { To: '', Called: '', ...params };
    this.runner.start(call, {
      kind: 'fetch', url: app.voiceUrl, method: app.voiceMethod, params: first,
      fallback: app.voiceFallbackUrl ? { url: app.voiceFallbackUrl, method: app.voiceFallbackMethod } : undefined,
    });
    return call;
  }

  // An outbound-api call (REST Calls create, Participants create): rings `to`, runs TwiML on answer.
  originate(input: OriginateInput): LiveCall {
    const endpoint: Endpoint = input.to.startsWith('client:')
      ? { kind: 'client', identity: input.to.slice('client:'.length) }
      : { kind: 'phone', e164: input.to };
    const call = this.engine.createCall({
      account: input.account, from: input.from, to: input.to, direction: 'outbound-api', endpoint,
      applicationSid: input.applicationSid ?? null, statusCallback: input.statusCallback,
    });
    if (input.applicationSid) call.extraParams = { ApplicationSid: input.applicationSid };
    const hungUp = new AbortController();
    call.once('ended', () => hungUp.abort());
    void ringLeg(this.engine, call, { timeoutMs: this.engine.seconds(input.timeoutSeconds), cancel: hungUp.signal, devices: this.engine.devices })
      .then((outcome) => {
        settleLeg(this.engine, call, outcome);
        if (outcome !== 'answered') return input.onUnanswered?.(call);
        input.onAnswer?.(call);
        this.runner.start(call, input.next);
      });
    return call;
  }

  // REST call update (§1.3): redirect with Url/Twiml, or end with Status.
  updateCall(call: LiveCall, change: { url?: string; method?: string; twiml?: string; status?: string }): void {
    if (change.status === 'canceled') {
      if (!call.isAnswered) this.engine.hangup(call, 'canceled');
      return;
    }
    if (change.status === 'completed') {
      this.engine.hangup(call, 'canceled');
      return;
    }
    if (change.twiml !== undefined) {
      this.engine.event(call, 'redirected', { twiml: true });
      this.runner.start(call, { kind: 'twiml', twiml: change.twiml });
    } else if (change.url) {
      this.engine.event(call, 'redirected', { url: change.url });
      call.documentUrl = null;
      this.runner.start(call, { kind: 'fetch', url: change.url, method: change.method || 'POST' });
    }
  }

  stop(): Promise<void> {
    return this.engine.stop();
  }
}
