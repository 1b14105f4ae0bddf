import { EventEmitter } from 'node:events';
import type { Account, CallRecord } from '../state/types.js';
import { TERMINAL_STATUSES } from '../state/types.js';

// Who is on the far side of a leg: a pretend PSTN phone or a browser device identity.
export type Endpoint = { kind: 'phone'; e164: string } | { kind: 'client'; identity: string };

export interface CallbackConfig {
  url: string;
  method: string;
  events: Set<string>;
}

export type AbortReason = 'hangup' | 'redirect';

// The running side of a call: its record plus what the engine needs while it is live.
// Events: 'digits' (string), 'say' (string), 'answered', 'ended'.
export class LiveCall extends EventEmitter {
  sequence = 0;
  callbackChain: Promise<void> = Promise.resolve();
  statusCallback: CallbackConfig | null = null;
  // Where relative TwiML URLs resolve, and the last document fetched (Record's default action).
  documentUrl: string | null = null;
  documentMethod = 'POST';
  documentsFetched = 0;
  digitBuffer = '';
  // Parameters sent with every request about this call besides the standard set (ApplicationSid…).
  extraParams: Record<string, string> = {};
  private controller = new AbortController();

  constructor(
    readonly record: CallRecord,
    readonly account: Account,
    readonly endpoint: Endpoint,
  ) {
    super();
  }

  get sid(): string {
    return this.record.sid;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isEnded(): boolean {
    return TERMINAL_STATUSES.includes(this.record.status);
  }

  get isAnswered(): boolean {
    return this.record.answeredAt !== null;
  }

  // Stops whatever TwiML is running; a redirect gets a fresh signal for the new document.
  abortRun(reason: AbortReason): AbortSignal {
    this.controller.abort(reason);
    if (reason === 'redirect') this.controller = new AbortController();
    return this.controller.signal;
  }
}

export function abortReason(signal: AbortSignal): AbortReason | null {
  return signal.aborted ? (signal.reason as AbortReason) : null;
}
