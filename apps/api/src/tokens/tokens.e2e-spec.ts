import { startSandbox } from '@ringtonic/sandbox';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { dialerSettings, rotateAuthToken, type Sandbox, type SandboxAccount, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('voice tokens and dialer availability (e2e)', () => {
  let sandbox: Sandbox;
  let t: TestApp;
  let account: SandboxAccount;
  let owner: { token: string; ws: string; appSid: string };
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    // Non-default presence timings: the dialer response must hand the server's settings to the browser.
    t = await createTestApp({ HEARTBEAT_SECONDS: '7', AUTO_AWAY_SECONDS: '45' }, { sandboxUrl: sandbox.url });
    account = await sandboxAccount(sandbox, { numberCount: 2 });
    const s = await signup(t.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send({ plan: 'agency' }).expect(200);
    const saved = await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
    owner = { token: s.accessToken, ws: s.workspace.id, appSid: saved.body.dialer.twimlAppSid };
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });

  it('should mint a Twilio access token with the voice grant for an agent', async () => {
    const agent = await memberWithRole(t.app, owner.ws, 'agent');
    const res = await http().post(`/api/v1/workspaces/${owner.ws}/dialer/token`).set(bearer(agent.token)).expect(200);
    expect(res.body).toMatchObject({ identity: `agent_${agent.userId.replace(/-/g, '')}`, provider: 'sandbox' });
    expect(res.body.identity).toMatch(/^[A-Za-z0-9_]+$/);
    const [header, payload] = (res.body.token as string).split('.');
    expect(decode(header!)).toMatchObject({ alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' });
    const claims = decode(payload!);
    expect(claims).toMatchObject({
      iss: account.apiKeySid,
      sub: account.accountSid,
      grants: { identity: res.body.identity, voice: { incoming: { allow: true }, outgoing: { application_sid: owner.appSid } } },
    });
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it.each(['manager', 'member'] as const)('should refuse a %s with 403', async (role) => {
    const m = await memberWithRole(t.app, owner.ws, role);
    await http().post(`/api/v1/workspaces/${owner.ws}/dialer/token`).set(bearer(m.token)).expect(403);
    const availability = await http().get(`/api/v1/workspaces/${owner.ws}/dialer`).set(bearer(m.token)).expect(200);
    expect(availability.body).toMatchObject({ available: false, reasons: ['ROLE_NOT_ALLOWED', 'NO_TRACKING_NUMBERS'] });
  });

  it('should answer 422 with the reason on the indie plan', async () => {
    const s = await signup(t.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    // One Twilio account per workspace: each workspace here has its own sandbox account.
    await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(await sandboxAccount(sandbox))).expect(200);
    const res = await http().post(`${ws}/dialer/token`).set(bearer(s.accessToken)).expect(422);
    expect(res.body).toMatchObject({ code: 'DIALER_UNAVAILABLE', reasons: expect.arrayContaining(['PLAN_NOT_AGENCY']) });
  });

  const agencyOwner = async () => {
    const s = await signup(t.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send({ plan: 'agency' }).expect(200);
    return { ws, token: s.accessToken };
  };

  it.each([
    ['the dialer is disabled', (a: SandboxAccount) => ({ ...dialerSettings(a), dialer: { enabled: false, apiKeySid: a.apiKeySid, apiKeySecret: a.apiKeySecret } }), false, ['DIALER_DISABLED', 'DIALER_NOT_READY']],
    ['the dialer is not ready (Twilio rejected the credentials: the token rotated in Twilio since)', (a: SandboxAccount) => dialerSettings(a), true, ['DIALER_NOT_READY']],
    ['the API key is missing', (a: SandboxAccount) => ({ twilio: dialerSettings(a).twilio, dialer: { enabled: true } }), false, ['API_KEY_MISSING', 'DIALER_NOT_READY']],
  ])('should answer 422 with the reason codes when %s', async (_label, body, rotated, reasons) => {
    const o = await agencyOwner();
    const a = await sandboxAccount(sandbox);
    await http().patch(o.ws).set(bearer(o.token)).send(body(a)).expect(200);
    if (rotated) {
      await rotateAuthToken(sandbox, a);
      await http().patch(o.ws).set(bearer(o.token)).send({ dialer: { enabled: true } }).expect(200);
    }
    const res = await http().post(`${o.ws}/dialer/token`).set(bearer(o.token)).expect(422);
    expect(res.body).toMatchObject({ code: 'DIALER_UNAVAILABLE', reasons });
    expect(res.body.token).toBeUndefined();
    const availability = await http().get(`${o.ws}/dialer`).set(bearer(o.token)).expect(200);
    expect(availability.body).toMatchObject({ available: false, reasons: [...reasons, 'NO_TRACKING_NUMBERS'] });
  });

  it('should list tracking numbers as caller IDs once imported', async () => {
    await http()
      .post(`/api/v1/workspaces/${owner.ws}/phone-numbers/import`)
      .set(bearer(owner.token))
      .send({ twilioSids: account.numbers.map((n) => n.sid) })
      .expect(200);
    const res = await http().get(`/api/v1/workspaces/${owner.ws}/dialer`).set(bearer(owner.token)).expect(200);
    expect(res.body).toMatchObject({ available: true, reasons: [], provider: 'sandbox' });
    expect(res.body.callerIds.map((c: { e164: string }) => c.e164).sort()).toEqual(account.numbers.map((n) => n.phoneNumber).sort());
  });

  it('should tell the browser the presence timings the server was started with', async () => {
    const res = await http().get(`/api/v1/workspaces/${owner.ws}/dialer`).set(bearer(owner.token)).expect(200);
    expect(res.body).toMatchObject({ heartbeatSeconds: 7, autoAwaySeconds: 45 });
  });
});
