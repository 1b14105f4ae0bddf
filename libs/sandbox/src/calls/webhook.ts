import { randomUUID } from 'node:crypto';
import twilio from 'twilio';

export type Params = Record<string, string>;

export interface WebhookResult {
  ok: boolean;
  status: number;
  body: string;
  contentType: string;
  // Twilio error code when the request failed: 11200 (HTTP error) or 11205 (connection/timeout).
  errorCode?: number;
  error?: string;
}

// X-Twilio-Signature exactly as Twilio computes it (§2.7), via the twilio library's own function:
// base64(HMAC-SHA1(authToken, url + sorted name/value pairs)).
export function signWebhook(authToken: string, url: string, params: Params): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

// The URL a webhook request goes to; GET puts the parameters in the query string (and then
// only the URL is signed).
export function webhookTarget(url: string, method: string, params: Params): { url: string; signedParams: Params } {
  if (method.toUpperCase() !== 'GET') return { url, signedParams: params };
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) target.searchParams.append(key, value);
  return { url: target.toString(), signedParams: {} };
}

export async function sendWebhook(opts: {
  url: string;
  method: string;
  params: Params;
  authToken: string;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<WebhookResult> {
  const method = (opts.method || 'POST').toUpperCase() === 'GET' ? 'GET' : 'POST';
  const { url, signedParams } = webhookTarget(opts.url, method, opts.params);
  const headers: Record<string, string> = {
    'X-Twilio-Signature': signWebhook(opts.authToken, url, signedParams),
    'I-Twilio-Idempotency-Token': randomUUID(),
    'User-Agent': 'TwilioProxy/1.1',
    Accept: '*/*',
  };
  const init: RequestInit = { method, headers };
  if (method === 'POST') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    init.body = new URLSearchParams(opts.params).toString();
  }
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  init.signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    const res = await fetch(url, init);
    const body = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    if (!res.ok) return { ok: false, status: res.status, body, contentType, errorCode: 11200, error: `HTTP ${res.status}` };
    return { ok: true, status: res.status, body, contentType };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, status: 0, body: '', contentType: '', errorCode: 11205, error: message };
  }
}
