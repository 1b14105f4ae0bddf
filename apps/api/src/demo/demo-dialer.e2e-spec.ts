import { jest } from '@jest/globals';
import { SandboxRequestClient, startSandbox } from '@ringtonic/sandbox';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { post, type Sandbox } from '../../test/factories/sandbox.factory.js';
import { DEMO_SANDBOX_SEED, DEMO_TWILIO, seedDemoDialer } from './demo-dialer.js';
import { seedDemo } from './demo-seed.js';

const OLD = 'http://localhost:3000';
const AUTH = `${DEMO_TWILIO.accountSid}:${DEMO_TWILIO.authToken}`;
const basic = { Authorization: `Basic ${Buffer.from(AUTH).toString('base64')}` };

/** npm start's demo against the sandbox, on first start and on a later start after things drifted. */
describe('demo workspace dialer seed (e2e)', () => {
  let sandbox: Sandbox;
  let t: TestApp;
  let workspaceId: string;
  const numbersUrl = () => `${sandbox.url}/2010-04-01/Accounts/${DEMO_TWILIO.accountSid}/IncomingPhoneNumbers`;
  const accountNumbers = async () =>
    ((await (await fetch(`${numbersUrl()}.json?PageSize=50`, { headers: basic })).json()) as { incoming_phone_numbers: Array<Record<string, string>> })
      .incoming_phone_numbers;
  const trackingNumbers = async () =>
    (await t.app.get(DataSource).query(`SELECT e164, twilio_sid FROM phone_numbers WHERE workspace_id = $1 ORDER BY e164`, [workspaceId])) as Array<{ e164: string; twilio_sid: string }>;
  const ours = { voice_url: 'http://localhost:3999/webhooks/twilio/voice/inbound', status_callback: 'http://localhost:3999/webhooks/twilio/voice/status', voice_application_sid: '' };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: DEMO_SANDBOX_SEED });
    t = await createTestApp({}, { sandboxUrl: sandbox.url });
    workspaceId = (await seedDemo(t.app)).workspaceId;
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });

  it('should provision the demo on first start: ready dialer, three tracking numbers at our webhooks, two campaigns', async () => {
    await seedDemoDialer(t.app, workspaceId, sandbox.url);
    const [ws] = await t.app.get(DataSource).query(`SELECT dialer_status, twiml_app_sid FROM workspaces WHERE id = $1`, [workspaceId]);
    expect(ws).toMatchObject({ dialer_status: 'ready', twiml_app_sid: expect.stringMatching(/^AP/) });
    expect((await trackingNumbers()).map((n) => n.e164)).toEqual(DEMO_TWILIO.numbers);
    for (const n of await accountNumbers()) expect(n).toMatchObject(ours);
    const campaigns = await t.app.get(DataSource).query(`SELECT name FROM campaigns WHERE workspace_id = $1 ORDER BY name`, [workspaceId]);
    expect(campaigns).toEqual([{ name: 'Facebook Ads' }, { name: 'Google Ads' }]);
  });

  it('should re-point drifted numbers and bring back numbers the sandbox lost on a later start, in one pass', async () => {
    const [drifted, gone, rebought] = await trackingNumbers();
    // Pointed at an old PORT and tied to a TwiML App; one number lost; one lost and seeded again (new SID).
    const app = await post<{ sid: string }>(`${sandbox.url}/2010-04-01/Accounts/${DEMO_TWILIO.accountSid}/Applications.json`, { FriendlyName: 'Other', VoiceUrl: `${OLD}/x` }, AUTH);
    await post(`${numbersUrl()}/${drifted!.twilio_sid}.json`, { VoiceUrl: `${OLD}/webhooks/twilio/voice/inbound`, VoiceApplicationSid: app.sid }, AUTH);
    for (const n of [gone!, rebought!]) expect((await fetch(`${numbersUrl()}/${n.twilio_sid}.json`, { method: 'DELETE', headers: basic })).status).toBe(204);
    const seededAgain = await post<{ sid: string }>(`${sandbox.url}/sandbox/accounts/${DEMO_TWILIO.accountSid}/numbers`, { e164: rebought!.e164 });

    const twilioRequests = jest.spyOn(SandboxRequestClient.prototype, 'request');
    try {
      await seedDemoDialer(t.app, workspaceId, sandbox.url);
      // One pass over the numbers: the account's numbers listed once, the lost one created once.
      const calls = twilioRequests.mock.calls.map(([o]) => `${String(o.method).toUpperCase()} ${o.uri.replace(/\?.*$/, '')}`);
      expect(calls.filter((c) => c === `GET ${numbersUrl().replace(sandbox.url, 'https://api.twilio.com')}.json`)).toHaveLength(1);
      expect(calls.filter((c) => c === `POST ${numbersUrl().replace(sandbox.url, 'https://api.twilio.com')}.json`)).toHaveLength(1);
    } finally {
      twilioRequests.mockRestore();
    }

    const inAccount = await accountNumbers();
    expect(inAccount.map((n) => n.phone_number).sort()).toEqual(DEMO_TWILIO.numbers);
    for (const n of inAccount) expect(n).toMatchObject(ours);
    const bySid = new Map(inAccount.map((n) => [n.phone_number, n.sid]));
    const tracked = await trackingNumbers();
    expect(tracked.map((n) => n.e164)).toEqual(DEMO_TWILIO.numbers);
    for (const n of tracked) expect(n.twilio_sid).toBe(bySid.get(n.e164));
    expect(tracked.find((n) => n.e164 === rebought!.e164)!.twilio_sid).toBe(seededAgain.sid);
    expect(tracked.find((n) => n.e164 === gone!.e164)!.twilio_sid).not.toBe(gone!.twilio_sid);
  });
});
