import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../state/store.js';
import type { Account, ApiKey } from '../state/types.js';
import { twilioError } from './format.js';

export interface Principal {
  account: Account;
  key: ApiKey | null;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const authenticateError = () => twilioError(401, 20003, 'Authenticate');

export function basicCredentials(req: IncomingMessage): { username: string; password: string } | null {
  const header = req.headers.authorization ?? '';
  const m = /^Basic\s+(.+)$/i.exec(header);
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// HTTP Basic with AccountSid:AuthToken or ApiKeySid:ApiKeySecret (§1.1). `accountSid` is the
// account in the path; omit it for host-wide APIs (Lookup) where any valid credential works.
export function authenticate(store: Store, req: IncomingMessage, accountSid?: string): Principal {
  const creds = basicCredentials(req);
  if (!creds) throw authenticateError();
  if (creds.username.startsWith('AC')) {
    const account = store.accounts.get(creds.username);
    if (!account || !safeEqual(account.authToken, creds.password)) throw authenticateError();
    if (accountSid && accountSid !== account.sid) throw authenticateError();
    if (account.status === 'closed') throw authenticateError();
    return { account, key: null };
  }
  if (creds.username.startsWith('SK')) {
    const key = store.keys.get(creds.username);
    if (!key || !safeEqual(key.secret, creds.password)) throw authenticateError();
    if (accountSid && accountSid !== key.accountSid) throw authenticateError();
    const account = store.accounts.get(key.accountSid);
    if (!account || account.status === 'closed') throw authenticateError();
    return { account, key };
  }
  throw authenticateError();
}

// Standard and Restricted keys cannot use /Accounts or /Accounts/{AC}/Keys (§1.1 key types).
export function requireMainCredential(principal: Principal): void {
  if (principal.key && principal.key.keyType !== 'main') throw authenticateError();
}
