import { startSandbox } from '@ringtonic/sandbox';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface SandboxAccount {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  numbers: Array<{ sid: string; phoneNumber: string }>;
}

/** JSON to the control API, or (with `auth`) a Twilio-style form post with basic auth. */
export async function post<T>(url: string, body: unknown, auth?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: auth
      ? { Authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' }
      : { 'Content-Type': 'application/json' },
    body: auth ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A sandbox Twilio account with an API key and `numberCount` phone numbers, through its control API. */
export async function sandboxAccount(sandbox: Sandbox, opts: { type?: 'Trial' | 'Full'; numberCount?: number } = {}): Promise<SandboxAccount> {
  const { accountSid, authToken } = await post<{ accountSid: string; authToken: string }>(`${sandbox.url}/sandbox/accounts`, { type: opts.type ?? 'Full' });
  const key = await post<{ sid: string; secret: string }>(
    `${sandbox.url}/2010-04-01/Accounts/${accountSid}/Keys.json`,
    { FriendlyName: 'Ring Tonic Dialer' },
    `${accountSid}:${authToken}`,
  );
  const numbers = [];
  for (let i = 0; i < (opts.numberCount ?? 0); i++) {
    numbers.push(await post<{ sid: string; phoneNumber: string }>(`${sandbox.url}/sandbox/accounts/${accountSid}/numbers`, {}));
  }
  return { accountSid, authToken, apiKeySid: key.sid, apiKeySecret: key.secret, numbers };
}

/** Settings body that makes the workspace's dialer ready against this account. */
export const dialerSettings = (a: SandboxAccount) => ({
  twilio: { accountSid: a.accountSid, authToken: a.authToken },
  dialer: { enabled: true, apiKeySid: a.apiKeySid, apiKeySecret: a.apiKeySecret },
});

/** The account's Auth Token rotated in Twilio (as in the Console): the stored one stops working. Returns the new token. */
export async function rotateAuthToken(sandbox: Sandbox, a: SandboxAccount): Promise<string> {
  const token = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const res = await fetch(`${sandbox.url}/sandbox/accounts/${a.accountSid}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ authToken: token }) });
  if (!res.ok) throw new Error(`rotating the Auth Token → ${res.status} ${await res.text()}`);
  return token;
}
