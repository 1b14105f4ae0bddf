import { type TwilioClientFactory, twilioErrorCode, twilioErrorStatus } from '../telephony/twilio-client.factory.js';
import type { TwilioSecrets } from '../workspace/workspace.service.js';

const PROBE_TIMEOUT_MS = 5_000;

/** What Twilio says right now about the workspace's account and TwiML App (read-only). */
export interface TwilioProbe {
  account:
    | { state: 'skipped' } // no credentials to ask with
    | { state: 'ok'; type: 'Trial' | 'Full' }
    | { state: 'inactive'; status: string; type: 'Trial' | 'Full' }
    | { state: 'rejected'; code: number }
    | { state: 'unreachable'; reason: string };
  /** Whether the recorded TwiML App still exists; unknown when not asked or not answered. */
  app: 'exists' | 'deleted' | 'unknown';
}

const within = <T>(p: Promise<T>): Promise<T> =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS).unref())]);

/** Two cheap GETs in parallel (the Account and the App), each bounded by a short timeout. */
export async function probeTwilio(factory: TwilioClientFactory, s: TwilioSecrets): Promise<TwilioProbe> {
  if (!s.accountSid || !s.authToken) return { account: { state: 'skipped' }, app: 'unknown' };
  const account = factory.create({ accountSid: s.accountSid, authToken: s.authToken }).api.v2010.accounts(s.accountSid);
  const [acc, app] = await Promise.allSettled([
    within(account.fetch()),
    s.twimlAppSid ? within(account.applications(s.twimlAppSid).fetch()) : Promise.reject(new Error('no App recorded')),
  ]);
  let result: TwilioProbe['account'];
  if (acc.status === 'fulfilled') {
    const type = acc.value.type === 'Trial' ? 'Trial' : 'Full';
    result = acc.value.status === 'active' ? { state: 'ok', type } : { state: 'inactive', status: acc.value.status, type };
  } else {
    const code = twilioErrorCode(acc.reason);
    result = code === null ? { state: 'unreachable', reason: (acc.reason as Error).message } : { state: 'rejected', code };
  }
  const appState = app.status === 'fulfilled' ? 'exists' : result.state === 'ok' && twilioErrorStatus(app.reason) === 404 ? 'deleted' : 'unknown';
  return { account: result, app: appState };
}
