import twilio from 'twilio';
import { SandboxRequestClient } from '../twilio-client.js';

// Calls the sandbox control API with JSON.
export async function control<T = Record<string, unknown>>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export function twilioClient(sandboxUrl: string, username: string, password: string, accountSid?: string) {
  return twilio(username, password, { accountSid, httpClient: new SandboxRequestClient(sandboxUrl) });
}

/** A fresh account with one number whose voice URL is `voiceUrl` (a test app's inbound route), plus `statusCallback` if given. */
export async function accountWithNumber(sandboxUrl: string, voiceUrl: string, statusCallback?: string): Promise<{ accountSid: string; authToken: string; number: string }> {
  const { accountSid, authToken } = await control<{ accountSid: string; authToken: string }>(sandboxUrl, 'POST', '/sandbox/accounts', {});
  const n = await control<{ sid: string; phoneNumber: string }>(sandboxUrl, 'POST', `/sandbox/accounts/${accountSid}/numbers`, {});
  await twilioClient(sandboxUrl, accountSid, authToken).incomingPhoneNumbers(n.sid).update(statusCallback ? { voiceUrl, statusCallback } : { voiceUrl });
  return { accountSid, authToken, number: n.phoneNumber };
}

export async function eventually<T>(probe: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
