import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Public } from '../common/decorators.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, signup } from '../../test/factories/users.factory.js';
import { expectedTwilioSignature } from './twilio-signature.js';
import { TwilioSignatureGuard } from './twilio-signature.guard.js';

const ACCOUNT_SID = 'AC' + 'cd'.repeat(16);
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
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const params = { AccountSid: ACCOUNT_SID, CallSid: 'CA' + '11'.repeat(16), From: '+14155550100', To: '+14155550199' };
  const rows = async (callSid: string) =>
    (await t.app.get(DataSource).query(`SELECT 1 FROM login_attempts WHERE key = $1`, [`probe:${callSid}`])).length;

  let owner: Awaited<ReturnType<typeof signup>>;

  beforeAll(async () => {
    t = await createTestApp({}, { controllers: [ProbeWebhookController] });
    const s = (owner = await signup(t.app));
    await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send({ twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN } }).expect(200);
  });
  afterAll(async () => t.close());

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
    await http().patch(`/api/v1/workspaces/${owner.workspace.id}`).set(bearer(owner.accessToken)).send({ twilio: { authToken: rotated } }).expect(200);

    const after = { ...params, CallSid: 'CA' + '55'.repeat(16) };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(rotated, url, after)).type('form').send(after).expect(200);
    const stale = { ...params, CallSid: 'CA' + '66'.repeat(16) };
    await http().post('/webhooks/test/hook').set('X-Twilio-Signature', expectedTwilioSignature(AUTH_TOKEN, url, stale)).type('form').send(stale).expect(403);
    expect(await rows(stale.CallSid)).toBe(0);
  });
});
