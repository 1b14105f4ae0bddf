import { jest } from '@jest/globals';
import { SandboxRequestClient } from '@ringtonic/sandbox';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dialerSettings, post, type SandboxAccount, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { routingWorld, type RoutingWorld, sandboxPost, until } from '../../test/factories/routing.factory.js';
import { bearer, signup } from '../../test/factories/users.factory.js';

const CALLER = '+14155550177';
const OLD = 'http://old-host.example';

/** Tracking numbers really reach our inbound webhook: imported, and after their settings drift in Twilio. */
describe('tracking numbers point at our webhooks (e2e)', () => {
  let w: RoutingWorld;
  const http = () => request(w.apps[0]!.app.getHttpServer());
  const auth = (a: SandboxAccount) => `${a.accountSid}:${a.authToken}`;
  const numberUrl = (a: SandboxAccount, sid: string) => `${w.sandbox.url}/2010-04-01/Accounts/${a.accountSid}/IncomingPhoneNumbers/${sid}.json`;
  const fetchNumber = async (a: SandboxAccount, sid: string) =>
    (await (await fetch(numberUrl(a, sid), { headers: { Authorization: `Basic ${Buffer.from(auth(a)).toString('base64')}` } })).json()) as Record<string, unknown>;
  /** Another TwiML App of the account, bound to the number as one might in the Twilio Console. */
  const bindToApp = async (a: SandboxAccount, sid: string, extra: Record<string, string> = {}) => {
    const app = await post<{ sid: string }>(`${w.sandbox.url}/2010-04-01/Accounts/${a.accountSid}/Applications.json`, { FriendlyName: 'Old IVR', VoiceUrl: `${OLD}/ivr` }, auth(a));
    await post(numberUrl(a, sid), { VoiceApplicationSid: app.sid, ...extra }, auth(a));
    return app.sid;
  };
  /** A pretend phone calls the number; resolves once our inbound webhook wrote the call log. */
  const callReachesUs = async (workspaceId: string, to: string) => {
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: CALLER, to });
    const db = w.apps[0]!.app.get(DataSource);
    const log = await until(async () => (await db.query(`SELECT to_e164 FROM call_logs WHERE twilio_call_sid = $1 AND workspace_id = $2`, [callSid, workspaceId]))[0], 'call log of the inbound call');
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/hangup`);
    return log as { to_e164: string };
  };

  /** A second API key of the account: saving it is a change of the dialer's Twilio settings. */
  const newApiKey = (a: SandboxAccount) => post<{ sid: string; secret: string }>(`${w.sandbox.url}/2010-04-01/Accounts/${a.accountSid}/Keys.json`, { FriendlyName: 'Rotated' }, auth(a));

  async function readyAgency(account: SandboxAccount) {
    const s = await signup(w.apps[0]!.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send({ plan: 'agency' }).expect(200);
    const saved = await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    expect(saved.body.dialer.status).toBe('ready');
    return { ws, token: s.accessToken, workspaceId: s.workspace.id };
  }

  beforeAll(async () => {
    w = await routingWorld(1);
  });
  afterAll(async () => w.close());

  it('should detach a TwiML App bound to a number when importing it, so inbound calls reach our webhook', async () => {
    const account = await sandboxAccount(w.sandbox, { numberCount: 1 });
    const number = account.numbers[0]!;
    const s = await readyAgency(account);
    await bindToApp(account, number.sid);
    expect(await fetchNumber(account, number.sid)).toMatchObject({ voice_application_sid: expect.stringMatching(/^AP/) });

    await http().post(`${s.ws}/phone-numbers/import`).set(bearer(s.token)).send({ twilioSids: [number.sid] }).expect(200);
    expect(await fetchNumber(account, number.sid)).toMatchObject({ voice_application_sid: '', trunk_sid: null, voice_url: `${w.urls[0]}/webhooks/twilio/voice/inbound` });
    expect(await callReachesUs(s.workspaceId, number.phoneNumber)).toEqual({ to_e164: number.phoneNumber });
  });

  it('should re-point drifted numbers and reattach a re-created one when the dialer settings change', async () => {
    const account = await sandboxAccount(w.sandbox, { numberCount: 2 });
    const [drifted, lost] = account.numbers as [SandboxAccount['numbers'][0], SandboxAccount['numbers'][0]];
    const s = await readyAgency(account);
    await http().post(`${s.ws}/phone-numbers/import`).set(bearer(s.token)).send({ twilioSids: [drifted.sid, lost.sid] }).expect(200);

    // As if imported under another PUBLIC_URL, then tied to an App in the Console.
    await post(numberUrl(account, drifted.sid), { VoiceUrl: `${OLD}/webhooks/twilio/voice/inbound`, StatusCallback: `${OLD}/webhooks/twilio/voice/status` }, auth(account));
    await bindToApp(account, drifted.sid);
    // Released and bought again: same E.164, new SID, no webhooks.
    const del = await fetch(numberUrl(account, lost.sid), { method: 'DELETE', headers: { Authorization: `Basic ${Buffer.from(auth(account)).toString('base64')}` } });
    expect(del.status).toBe(204);
    const again = await post<{ sid: string }>(`${w.sandbox.url}/sandbox/accounts/${account.accountSid}/numbers`, { e164: lost.phoneNumber });

    const key = await newApiKey(account);
    await http().patch(s.ws).set(bearer(s.token)).send({ dialer: { apiKeySid: key.sid, apiKeySecret: key.secret } }).expect(200);

    const ours = { voice_url: `${w.urls[0]}/webhooks/twilio/voice/inbound`, status_callback: `${w.urls[0]}/webhooks/twilio/voice/status`, voice_application_sid: '' };
    expect(await fetchNumber(account, drifted.sid)).toMatchObject(ours);
    expect(await fetchNumber(account, again.sid)).toMatchObject(ours);
    const listed = await http().get(`${s.ws}/phone-numbers`).set(bearer(s.token)).expect(200);
    expect(listed.body.items.find((n: { e164: string }) => n.e164 === lost.phoneNumber).twilioSid).toBe(again.sid);
    expect(await callReachesUs(s.workspaceId, drifted.phoneNumber)).toEqual({ to_e164: drifted.phoneNumber });
    expect(await callReachesUs(s.workspaceId, lost.phoneNumber)).toEqual({ to_e164: lost.phoneNumber });
  });

  it('should leave numbers alone when saving with wrong credentials', async () => {
    const account = await sandboxAccount(w.sandbox, { numberCount: 1 });
    const number = account.numbers[0]!;
    const s = await readyAgency(account);
    await http().post(`${s.ws}/phone-numbers/import`).set(bearer(s.token)).send({ twilioSids: [number.sid] }).expect(200);
    await post(numberUrl(account, number.sid), { VoiceUrl: `${OLD}/x` }, auth(account));
    const bad = await http().patch(s.ws).set(bearer(s.token)).send({ twilio: { authToken: 'f'.repeat(32) } }).expect(422);
    expect(bad.body.code).toBe('TWILIO_REJECTED');
    expect((await http().get(s.ws).set(bearer(s.token)).expect(200)).body.dialer.status).toBe('ready');
    expect(await fetchNumber(account, number.sid)).toMatchObject({ voice_url: `${OLD}/x` });
  });

  it('should not touch the numbers on a rename or a permission toggle, and re-point them when the API key or the enabled switch changes', async () => {
    const account = await sandboxAccount(w.sandbox, { numberCount: 1 });
    const number = account.numbers[0]!;
    const s = await readyAgency(account);
    await http().post(`${s.ws}/phone-numbers/import`).set(bearer(s.token)).send({ twilioSids: [number.sid] }).expect(200);
    const numberRequests = jest.spyOn(SandboxRequestClient.prototype, 'request');
    try {
      const touched = () => numberRequests.mock.calls.filter(([o]) => o.uri.includes(`/Accounts/${account.accountSid}/IncomingPhoneNumbers`)).length;
      const updates = () => numberRequests.mock.calls.filter(([o]) => String(o.method).toUpperCase() === 'POST' && o.uri.endsWith(`/IncomingPhoneNumbers/${number.sid}.json`)).length;
      await post(numberUrl(account, number.sid), { VoiceUrl: `${OLD}/x` }, auth(account));

      await http().patch(s.ws).set(bearer(s.token)).send({ name: 'Renamed agency' }).expect(200);
      await http().patch(s.ws).set(bearer(s.token)).send({ permissions: { managerEditContacts: true } }).expect(200);
      await http().patch(s.ws).set(bearer(s.token)).send({ ai: { enabled: false } }).expect(200);
      expect(touched()).toBe(0);
      expect(await fetchNumber(account, number.sid)).toMatchObject({ voice_url: `${OLD}/x` });

      const key = await newApiKey(account);
      await http().patch(s.ws).set(bearer(s.token)).send({ dialer: { apiKeySid: key.sid, apiKeySecret: key.secret } }).expect(200);
      expect(updates()).toBe(1);
      expect(await fetchNumber(account, number.sid)).toMatchObject({ voice_url: `${w.urls[0]}/webhooks/twilio/voice/inbound` });

      // Switched off and on again: re-pointed on the way back on.
      await post(numberUrl(account, number.sid), { VoiceUrl: `${OLD}/y` }, auth(account));
      await http().patch(s.ws).set(bearer(s.token)).send({ dialer: { enabled: false } }).expect(200);
      await http().patch(s.ws).set(bearer(s.token)).send({ dialer: { enabled: true } }).expect(200);
      expect(updates()).toBe(2);
      expect(await fetchNumber(account, number.sid)).toMatchObject({ voice_url: `${w.urls[0]}/webhooks/twilio/voice/inbound` });
    } finally {
      numberRequests.mockRestore();
    }
  });
});
