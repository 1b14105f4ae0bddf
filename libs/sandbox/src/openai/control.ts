import { setTimeout as sleep } from 'node:timers/promises';
import { openAiError } from './errors.js';
import type { HttpError } from '../http/router.js';

export const OPENAI_ENDPOINTS = ['transcriptions', 'chat', 'models'] as const;
export type OpenAiEndpoint = (typeof OPENAI_ENDPOINTS)[number];

export interface OpenAiFault {
  id: number;
  status: number;
  // Requests still to fail; -1 fails every matching request until cleared.
  count: number;
  endpoint: OpenAiEndpoint | null;
  apiKey: string | null;
  message: string | null;
  retryAfterMs: number | null;
}

export interface OpenAiDelay {
  id: number;
  ms: number;
  endpoint: OpenAiEndpoint | null;
  apiKey: string | null;
}

export interface OpenAiRequestLog {
  at: string;
  // `null` for a /v1 path the sandbox does not answer.
  endpoint: OpenAiEndpoint | null;
  model: string | null;
  apiKey: string | null;
  status: number;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  429: 'Rate limit reached for requests. Please try again later.',
  500: 'The server had an error while processing your request. Sorry about that!',
  502: 'Bad gateway.',
  503: 'The engine is currently overloaded, please try again later.',
};
const LOG_LIMIT = 1000;

interface Scoped {
  endpoint: OpenAiEndpoint | null;
  apiKey: string | null;
}

const matches = (rule: Scoped, endpoint: OpenAiEndpoint | null, apiKey: string | null) =>
  (rule.endpoint === null || rule.endpoint === endpoint) && (rule.apiKey === null || rule.apiKey === apiKey);
const keep = <T extends Scoped>(list: T[], apiKey: string | null) => (apiKey === null ? [] : list.filter((r) => r.apiKey !== apiKey));

// Test controls for the /v1 endpoints: injected failures and delays, and a log of every request.
export class OpenAiControl {
  private faultList: OpenAiFault[] = [];
  private delayList: OpenAiDelay[] = [];
  private log: OpenAiRequestLog[] = [];
  private nextId = 1;
  private aborter = new AbortController();

  addFault(input: Omit<OpenAiFault, 'id'>): OpenAiFault {
    const fault = { id: this.nextId++, ...input };
    this.faultList.push(fault);
    return fault;
  }

  addDelay(input: Omit<OpenAiDelay, 'id'>): OpenAiDelay {
    const delay = { id: this.nextId++, ...input };
    this.delayList.push(delay);
    return delay;
  }

  faults(): OpenAiFault[] {
    return [...this.faultList];
  }

  delays(): OpenAiDelay[] {
    return [...this.delayList];
  }

  requests(filter: { apiKey?: string | null; endpoint?: string | null } = {}): OpenAiRequestLog[] {
    return this.log.filter((r) => (!filter.apiKey || r.apiKey === filter.apiKey) && (!filter.endpoint || r.endpoint === filter.endpoint));
  }

  // `apiKey` clears only that key's entries, so tests sharing a sandbox leave each other alone.
  clearFaults(apiKey: string | null = null): void {
    this.faultList = keep(this.faultList, apiKey);
  }

  clearDelays(apiKey: string | null = null): void {
    this.delayList = keep(this.delayList, apiKey);
  }

  clearRequests(apiKey: string | null = null): void {
    this.log = apiKey === null ? [] : this.log.filter((r) => r.apiKey !== apiKey);
  }

  reset(): void {
    this.faultList = [];
    this.delayList = [];
    this.log = [];
  }

  // Ends pending delays (the sandbox is stopping).
  close(): void {
    this.aborter.abort();
    this.aborter = new AbortController();
  }

  record(entry: OpenAiRequestLog): void {
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  // Waits for the longest delay matching the request.
  async wait(endpoint: OpenAiEndpoint, apiKey: string): Promise<void> {
    const ms = Math.max(0, ...this.delayList.filter((d) => matches(d, endpoint, apiKey)).map((d) => d.ms));
    if (ms > 0) await sleep(ms, undefined, { signal: this.aborter.signal });
  }

  // The error for the request when a fault matches it (counting it down), else null.
  takeFault(endpoint: OpenAiEndpoint, apiKey: string): { error: HttpError; retryAfterMs: number | null } | null {
    const fault = this.faultList.find((f) => matches(f, endpoint, apiKey));
    if (!fault) return null;
    if (fault.count > 0 && --fault.count === 0) this.faultList.splice(this.faultList.indexOf(fault), 1);
    const message = fault.message ?? DEFAULT_MESSAGES[fault.status] ?? `Sandbox fault: HTTP ${fault.status}.`;
    const code = fault.status === 429 ? 'rate_limit_exceeded' : null;
    return { error: openAiError(fault.status, message, { code }), retryAfterMs: fault.retryAfterMs };
  }
}
