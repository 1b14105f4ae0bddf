import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { TwilioClientFactory, twilioErrorCode, twilioErrorStatus } from '../telephony/twilio-client.factory.js';
import type { TwilioSecrets } from '../workspace/workspace.service.js';

const PROBE_TIMEOUT_MS = 5_000;
/** How long a live probe answers every health read of its workspace (same credentials and App). */
export const PROBE_CACHE_MS = 30_000;

/** What Twilio says right now about the workspace's account (GET Accounts/{sid}). */
export type AccountProbe =
  | { state: 'skipped' } // no credentials to ask with
  | { state: 'ok'; type: 'Trial' | 'Full' }
  | { state: 'inactive'; status: string; type: 'Trial' | 'Full' }
  | { state: 'rejected'; code: number; message: string }
  | { state: 'unreachable'; reason: string };

/** What Twilio says right now about the workspace's account and TwiML App (read-only). */
export interface TwilioProbe {
  account: AccountProbe;
  /** Whether the recorded TwiML App still exists; unknown when not asked or not answered. */
  app: 'exists' | 'deleted' | 'unknown';
}

const SKIPPED: TwilioProbe = { account: { state: 'skipped' }, app: 'unknown' };

const within = <T>(p: Promise<T>): Promise<T> =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS).unref())]);

type AccountContext = ReturnType<ReturnType<TwilioClientFactory['create']>['api']['v2010']['accounts']>;

const accountOf = (factory: TwilioClientFactory, creds: { accountSid: string; authToken: string }): AccountContext =>
  factory.create(creds).api.v2010.accounts(creds.accountSid);

/** The account's answer mapped to ok / inactive (with its type) or rejected (Twilio's code) / unreachable. */
async function readAccount(account: AccountContext): Promise<AccountProbe> {
  try {
    const a = await within(account.fetch());
    const type = a.type === 'Trial' ? 'Trial' : 'Full';
    return a.status === 'active' ? { state: 'ok', type } : { state: 'inactive', status: a.status, type };
  } catch (e) {
    const code = twilioErrorCode(e);
    return code === null ? { state: 'unreachable', reason: (e as Error).message } : { state: 'rejected', code, message: (e as Error).message.slice(0, 300) };
  }
}

/** One GET of the Account, bounded by a short timeout (provisioning and the health checks). */
export function probeAccount(factory: TwilioClientFactory, creds: { accountSid: string; authToken: string }): Promise<AccountProbe> {
  return readAccount(accountOf(factory, creds));
}

/** Two cheap GETs in parallel (the Account and the App), each bounded by a short timeout. */
export async function probeTwilio(factory: TwilioClientFactory, s: TwilioSecrets): Promise<TwilioProbe> {
  if (!s.accountSid || !s.authToken) return SKIPPED;
  const account = accountOf(factory, { accountSid: s.accountSid, authToken: s.authToken });
  const [result, app] = await Promise.all([
    readAccount(account),
    s.twimlAppSid ? within(account.applications(s.twimlAppSid).fetch()).then(() => 'exists' as const, (e: unknown) => e) : Promise.resolve(null),
  ]);
  const appState = app === 'exists' ? 'exists' : app !== null && result.state === 'ok' && twilioErrorStatus(app) === 404 ? 'deleted' : 'unknown';
  return { account: result, app: appState };
}

/** A one-way digest of settings (no secret kept in clear as a map key). */
const fingerprint = (...parts: Array<string | null>): string =>
  createHash('sha256').update(parts.map((p) => p ?? '').join('\0')).digest('hex');

/**
 * The health checks' live probe, shared per workspace for PROBE_CACHE_MS: concurrent and repeated
 * reads make one pair of GETs. Keyed by the credentials and App SID too, so a save that changes
 * them is seen at once; provisioning also drops the workspace's entry.
 */
@Injectable()
export class TwilioProbes {
  private readonly cache = new Map<string, { key: string; until: number; probe: Promise<TwilioProbe> }>();

  constructor(private readonly twilio: TwilioClientFactory) {}

  probe(s: TwilioSecrets): Promise<TwilioProbe> {
    if (!s.accountSid || !s.authToken) return Promise.resolve(SKIPPED);
    const key = fingerprint(s.accountSid, s.authToken, s.twimlAppSid);
    const now = Date.now();
    const hit = this.cache.get(s.workspaceId);
    if (hit && hit.key === key && hit.until > now) return hit.probe;
    const probe = probeTwilio(this.twilio, s);
    this.cache.set(s.workspaceId, { key, until: now + PROBE_CACHE_MS, probe });
    return probe;
  }

  invalidate(workspaceId: string): void {
    this.cache.delete(workspaceId);
  }
}
