import { parseTwiml, TwimlParseError, type TwimlNode } from '../twiml/parse.js';
import type { CallEngine } from './engine.js';
import type { LiveCall } from './live-call.js';
import type { Params } from './webhook.js';

// What happens after a verb: go on, stop running TwiML, or fetch/run another document.
export type Next =
  | { kind: 'continue' }
  | { kind: 'stop' }
  | { kind: 'fetch'; url: string; method: string; params?: Params; fallback?: { url: string; method: string } }
  | { kind: 'twiml'; twiml: string };

export const CONTINUE: Next = { kind: 'continue' };
export const STOP: Next = { kind: 'stop' };

export interface VerbContext {
  call: LiveCall;
  verb: TwimlNode;
  signal: AbortSignal;
  engine: CallEngine;
  runner: TwimlRunner;
}

export type VerbHandler = (ctx: VerbContext) => Promise<Next>;

const MAX_DOCUMENTS = 250;

// Fetches TwiML for a call and executes it verb by verb until the call ends or is redirected.
export class TwimlRunner {
  constructor(
    readonly engine: CallEngine,
    private readonly verbs: Record<string, VerbHandler>,
  ) {}

  // Starts (or restarts, after a redirect) TwiML execution for a call; not awaited.
  start(call: LiveCall, first: Next): void {
    const signal = call.isEnded ? call.signal : call.abortRun('redirect');
    void this.run(call, signal, first).catch((err: unknown) => {
      this.engine.event(call, 'error', { message: err instanceof Error ? err.message : String(err) });
      this.engine.hangup(call, 'failed');
    });
  }

  private async run(call: LiveCall, signal: AbortSignal, first: Next): Promise<void> {
    let next = first;
    for (;;) {
      if (signal.aborted || call.isEnded) return;
      let xml: string;
      if (next.kind === 'fetch') {
        const fetched = await this.fetchDocument(call, next, signal);
        if (fetched === null) return;
        xml = fetched;
      } else if (next.kind === 'twiml') {
        xml = next.twiml;
      } else {
        return;
      }
      if (signal.aborted || call.isEnded) return;
      let verbs: TwimlNode[];
      try {
        verbs = parseTwiml(xml);
      } catch (err) {
        const message = err instanceof TwimlParseError ? err.message : String(err);
        return this.applicationError(call, 12100, message);
      }
      next = await this.execute(call, verbs, signal);
      if (next.kind === 'continue') {
        // The document ran out of verbs: Twilio hangs up.
        if (!signal.aborted) this.engine.hangup(call, 'completed');
        return;
      }
    }
  }

  async execute(call: LiveCall, verbs: TwimlNode[], signal: AbortSignal): Promise<Next> {
    for (const verb of verbs) {
      if (signal.aborted || call.isEnded) return STOP;
      const handler = this.verbs[verb.name];
      if (!handler) {
        this.engine.event(call, 'warning', { message: `Unsupported verb <${verb.name}> skipped` });
        continue;
      }
      this.engine.event(call, 'verb', { verb: verb.name, ...(verb.text ? { text: verb.text } : {}) });
      const next = await handler({ call, verb, signal, engine: this.engine, runner: this });
      if (next.kind !== 'continue') return next;
    }
    return CONTINUE;
  }

  // Fetches a document for the call (a fallback on failure); null after an application error hung it up.
  async fetchDocument(call: LiveCall, next: Extract<Next, { kind: 'fetch' }>, signal: AbortSignal, purpose = 'twiml'): Promise<string | null> {
    if (++call.documentsFetched > MAX_DOCUMENTS) {
      this.applicationError(call, 11200, 'Too many TwiML documents for one call');
      return null;
    }
    let url = this.engine.resolveUrl(call, next.url);
    let method = next.method;
    let result = await this.engine.request(call, url, method, next.params ?? {}, purpose);
    if (!result.ok && next.fallback?.url && !signal.aborted) {
      url = this.engine.resolveUrl(call, next.fallback.url);
      method = next.fallback.method;
      result = await this.engine.request(call, url, method, { ErrorCode: String(result.errorCode), ErrorUrl: next.url }, 'fallback');
    }
    if (signal.aborted || call.isEnded) return null;
    if (!result.ok) {
      this.applicationError(call, result.errorCode ?? 11200, result.error ?? 'webhook failed');
      return null;
    }
    call.documentUrl = url;
    call.documentMethod = method;
    return result.body;
  }

  // Twilio says "an application error has occurred" and hangs up.
  applicationError(call: LiveCall, code: number, message: string): void {
    this.engine.event(call, 'error', { code, message });
    this.engine.hangup(call, call.isAnswered ? 'completed' : 'failed');
  }
}
