import { startSandbox } from '@ringtonic/sandbox';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { expectedTwilioSignature } from '../telephony/twilio-signature.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { dialerSettings, type Sandbox, type SandboxAccount, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { bearer, signup } from '../../test/factories/users.factory.js';

const PUBLIC_URL = 'http://localhost:3999';
const TABLES = ['call_logs', 'contacts', 'ringing_calls', 'call_offers'];
const hex = (c: string) => c.repeat(32);
const CONSENT = 'This call is recorded.';

/** The seven real Twilio webhooks refuse a missing, forged or tampered signature before anything changes. */
describe('Twilio webhook routes: signature required (e2e)', () => {
  let sandbox: Sandbox;
  let t: TestApp;
  let account: SandboxAccount;
  let callSid: string;
  let callLogId: string;
  let workspaceId: string;
  const http = () => request(t.app.getHttpServer());
  const sign = (path: string, params: Record<string, string>) => expectedTwilioSignature(account.authToken, `${PUBLIC_URL}${path}`, params);
  /** Every row of the tables a webhook writes, as one text: equal before and after = nothing changed. */
  const snapshot = async () => {
    const db = t.app.get(DataSource);
    const out: Record<string, unknown> = {};
    for (const table of TABLES) out[table] = (await db.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM ${table} t`))[0];
    return out;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    t = await createTestApp({ PUBLIC_URL }, { sandboxUrl: sandbox.url });
    account = await sandboxAccount(sandbox, { numberCount: 1 });
    const s = await signup(t.app);
    workspaceId = s.workspace.id;
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send({ plan: 'agency' }).expect(200);
    await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    await http().patch(ws).set(bearer(s.accessToken)).send({ recordCalls: true, recordingAnnouncement: CONSENT }).expect(200);
    await http().post(`${ws}/phone-numbers/import`).set(bearer(s.accessToken)).send({ twilioSids: [account.numbers[0]!.sid] }).expect(200);

    // A correctly signed inbound call does write: the snapshot sees it, and the other routes have a call to act on.
    callSid = 'CA' + hex('a');
    const inbound = { AccountSid: account.accountSid, CallSid: callSid, From: '+14155550142', To: account.numbers[0]!.phoneNumber, Direction: 'inbound', CallStatus: 'ringing' };
    const before = await snapshot();
    await http().post('/webhooks/twilio/voice/inbound').set('X-Twilio-Signature', sign('/webhooks/twilio/voice/inbound', inbound)).type('form').send(inbound).expect(200);
    expect(await snapshot()).not.toEqual(before);
    [{ id: callLogId }] = await t.app.get(DataSource).query(`SELECT id FROM call_logs WHERE twilio_call_sid = $1`, [callSid]);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });

  const routes: Array<[string, () => Record<string, string>]> = [
    ['inbound', () => ({ CallSid: 'CA' + hex('b'), From: '+14155550143', To: account.numbers[0]!.phoneNumber, Direction: 'inbound', CallStatus: 'ringing' })],
    ['client', () => ({ CallSid: 'CA' + hex('c'), From: 'client:agent_1', To: '+14155550144', Direction: 'inbound', CallStatus: 'ringing' })],
    ['status', () => ({ CallSid: callSid, CallStatus: 'completed', CallDuration: '42', SequenceNumber: '3' })],
    ['conference', () => ({ CallSid: callSid, ConferenceSid: 'CF' + hex('d'), FriendlyName: `call-${callLogId}`, StatusCallbackEvent: 'conference-end' })],
    ['recording', () => ({ CallSid: callSid, RecordingSid: 'RE' + hex('e'), RecordingUrl: `${sandbox.url}/x/RE${hex('e')}`, RecordingStatus: 'completed', RecordingDuration: '5' })],
    ['voicemail', () => ({ CallSid: callSid, RecordingSid: 'RE' + hex('f'), RecordingUrl: `${sandbox.url}/x/RE${hex('f')}`, RecordingDuration: '7', Digits: 'hangup' })],
    ['whisper', () => ({ CallSid: 'CA' + hex('1'), ParentCallSid: callSid, From: account.numbers[0]!.phoneNumber, To: '+14155550145', Direction: 'outbound-dial', CallStatus: 'in-progress' })],
  ];
  // The whisper names its workspace in the (signed) query string.
  const pathOf = (route: string) => `/webhooks/twilio/voice/${route}${route === 'whisper' ? `?workspaceId=${workspaceId}` : ''}`;
  const cases = routes.flatMap(([route, params]) =>
    (['missing', 'forged', 'tampered'] as const).map((how) => [route, how, params] as const),
  );

  it.each(cases)('should answer 403 to /webhooks/twilio/voice/%s with a %s signature and change nothing', async (route, how, params) => {
    const path = pathOf(route);
    const body = { AccountSid: account.accountSid, ...params() };
    const before = await snapshot();
    const req = http().post(path).type('form');
    if (how === 'forged') req.set('X-Twilio-Signature', 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==');
    // Signed for the real parameters, then one of them changed on the way.
    if (how === 'tampered') req.set('X-Twilio-Signature', sign(path, body));
    const sent = how === 'tampered' ? { ...body, From: '+19995550000' } : body;
    const res = await req.send(sent).expect(403);
    expect(res.text).not.toContain('<Response');
    expect(await snapshot()).toEqual(before);
  });

  it('should apply the same recording callback once it is correctly signed (the snapshot sees changes)', async () => {
    const path = '/webhooks/twilio/voice/recording';
    const body: Record<string, string> = { AccountSid: account.accountSid, ...routes[4]![1]() };
    const before = await snapshot();
    await http().post(path).set('X-Twilio-Signature', sign(path, body)).type('form').send(body).expect(200);
    expect((await snapshot()).call_logs).not.toEqual(before.call_logs);
    expect((await t.app.get(DataSource).query(`SELECT recording_sid FROM call_logs WHERE id = $1`, [callLogId]))[0]).toEqual({ recording_sid: body.RecordingSid });
  });

  it('should speak the consent announcement once the whisper is correctly signed', async () => {
    const path = pathOf('whisper');
    const body: Record<string, string> = { AccountSid: account.accountSid, ...routes[6]![1]() };
    const res = await http().post(path).set('X-Twilio-Signature', sign(path, body)).type('form').send(body).expect(200);
    expect(res.text).toContain(`<Say voice="Polly.Joanna">${CONSENT}</Say>`);
  });
});
