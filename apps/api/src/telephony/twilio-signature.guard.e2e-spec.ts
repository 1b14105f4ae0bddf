import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { startSandbox } from '@ringtonic/sandbox';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Public } from '../common/decorators.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { type Sandbox, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { bearer, signup } from '../../test/factories/users.factory.js';
import { expectedTwilioSignature } from './twilio-signature.js';
import { TwilioSignatureGuard } from './twilio-signature.guard.js';

// The sandbox account is created with these (a new SID each run: one workspace per Twilio account).
const ACCOUNT_SID = 'AC' + randomBytes(16).toString('hex');
const AUTH_TOKEN = 'abcdefabcdefabcdefabcdefabcdef12';

// A webhook that changes the database, to prove a refused request changes nothing.
@Controller('webhooks/test')
class ProbeWebhookController {
  constructor(private readonly db: DataSource) {}

  @Public()
  @Post('hook')
  @HttpCode(200)
  @UseGuards(TwilioSignatureGuard)
  async hook(@Body() body: Record<string, string>) {
    await this.db.query(`INSERT INTO login_attempts (key, failures, window_started_at) VALUES ($1, 1, now())`, [`probe:${body.CallSid}`]);
    return { ok: true };
  }
}

describe('Twilio webhook signature guard (e2e)', () => {
  let sandbox: Sandbox;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const params = { AccountSid: ACCOUNT_SID, CallSid: 'CA' + '11'.repeat(16), From: '+14155550100', To: '+14155550199' };
  const rows = async (callSid: string) =>
    (await t.app.get(DataSource).query(`SELECT 1 FROM login_attempts WHERE key = $1`, [`probe:${callSid}`])).length;

  let owner: Awaited<ReturnType<typeof signup>>;

  /** The account's Auth Token rotated in Twilio (the sandbox's Console). */
  const rotateInTwilio = async (authToken: string) =>
    expect((await fetch(`${sandbox.url}/sandbox/accounts/${ACCOUNT_SID}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ authToken }) })).status).toBe(200);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    await fetch(`${sandbox.url}/sandbox/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }) });
    t = await createTestApp({}, { controllers: [ProbeWebhookController], sandboxUrl: sandbox.url });
    const s = (owner = await signup(t.app));
    await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send({ twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN } }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });

  it('should accept a request signed over PUBLIC_URL + path with the account auth token', async () => {
    const signature = expectedTwilioSignature(AUTH_TOKEN, 'http://localhost:3999/webhooks/test/hook?x=1', params);
    await http().post('/webhooks/test/hook?x=1').set('X-Twilio-Signature', signature).type('form').send(params).expect(200);
    expect(await rows(params.CallSid)).toBe(1);
  });

  const other = { ...params, CallSid: 'CA' + '33'.repeat(16) };
  it.each([
    ['missing', undefined, other],
    ['forged', 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==', other],
    ['tampered', expectedTwilioSignature(AUTH_TOKEN, 'http://localhost:3999/webhooks/test/hook', other), { ...other, To: '+19995550000' }],
    ['signed for the Host header instead of PUBLIC_URL', expectedTwilioSignature(AUTH_TOKEN, 'http://127.0.0.1/webhooks/test/hook', other), other],
    ['signed with another token', expectedTwilioSignature('0'.repeat(32), 'http://localhost:3999/webhooks/test/hook', other), other],
    ['from an unknown account', expectedTwilioSignature(AUTH_TOKEN, 'http://localhost:3999/webhooks/test/hook', { ...other, AccountSid: 'AC' + 'ee'.repeat(16) }), { ...other, AccountSid: 'AC' + 'ee'.repeat(16) }],
  ])('should answer 403 and change nothing for a %s signature', async (_label, signature, body) => {
    const req = http().post('/webhooks/test/hook').type('form');
    if (signature) req.set('X-Twilio-Signature', signature);
    await req.send(body).expect(403);
    expect(await rows(body.CallSid)).toBe(0);
  });

  it('should accept a rotated auth token at once and then refuse the old one', async () => {
    const url = 'http://localhost:3999/webhooks/test/hook';
    const before = { ...params, CallSid: 'CA' + '44'.repeat(16) };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(AUTH_TOKEN, url, before)).type('form').send(before).expect(200);
    const rotated = 'fedcbafedcbafedcbafedcbafedcba98';
    await rotateInTwilio(rotated);
    await http().patch(`/api/v1/workspaces/${owner.workspace.id}`).set(bearer(owner.accessToken)).send({ twilio: { authToken: rotated } }).expect(200);

    // The old token is still remembered (it signed the last webhook), yet refused the moment the new one is saved.
    const remembered = { ...params, CallSid: 'CA' + '4f'.repeat(16) };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(AUTH_TOKEN, url, remembered)).type('form').send(remembered).expect(403);
    expect(await rows(remembered.CallSid)).toBe(0);
    const after = { ...params, CallSid: 'CA' + '55'.repeat(16) };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(rotated, url, after)).type('form').send(after).expect(200);
    const stale = { ...params, CallSid: 'CA' + '66'.repeat(16) };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(AUTH_TOKEN, url, stale)).type('form').send(stale).expect(403);
    expect(await rows(stale.CallSid)).toBe(0);
  });

  it('should refuse at once, despite the remembered token, a webhook for an account the workspace no longer holds', async () => {
    const url = 'http://localhost:3999/webhooks/test/hook';
    const token = 'fedcbafedcbafedcbafedcbafedcba98';
    const held = { ...params, CallSid: 'CA' + '77'.repeat(16) };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(token, url, held)).type('form').send(held).expect(200);
    await http().patch(`/api/v1/workspaces/${owner.workspace.id}`).set(bearer(owner.accessToken)).send({ twilio: { accountSid: null } }).expect(200);
    const released = { ...params, CallSid: 'CA' + '88'.repeat(16) };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(token, url, released)).type('form').send(released).expect(403);
    expect(await rows(released.CallSid)).toBe(0);
  });

  it('should keep a webhook naming a call of another workspace out, even correctly signed', async () => {
    const url = 'http://localhost:3999/webhooks/test/hook';
    const other = await sandboxAccount(sandbox);
    const s = await signup(t.app);
    await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send({ twilio: { accountSid: other.accountSid, authToken: other.authToken } }).expect(200);
    const theirs = 'CA' + '99'.repeat(16);
    await t.app.get(DataSource).query(
      `INSERT INTO call_logs (workspace_id, twilio_call_sid, direction, status, from_e164, to_e164) VALUES ($1, $2, 'inbound', 'ringing', '+14155550100', '+14155550199')`,
      [owner.workspace.id, theirs],
    );
    const body = { ...params, AccountSid: other.accountSid, CallSid: theirs };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(other.authToken, url, body)).type('form').send(body).expect(403);
    expect(await rows(theirs)).toBe(0);
  });
});
