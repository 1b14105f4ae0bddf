import type { WorkspaceView } from '@ringtonic/contracts';
import { startSandbox } from '@ringtonic/sandbox';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { SecretBox } from '../common/secret-box.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { type Sandbox, sandboxAccount } from '../../test/factories/sandbox.factory.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';

describe('workspace settings (e2e)', () => {
  let sandbox: Sandbox;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    // Credentials are verified with Twilio (the sandbox) before they are saved.
    sandbox = await startSandbox({ port: 0 });
    t = await createTestApp({}, { sandboxUrl: sandbox.url });
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });

  it('should return the seed defaults for a new workspace', async () => {
    const s = await signup(t.app);
    const res = await http().get(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).expect(200);
    expect(res.body).toMatchObject({
      plan: 'indie',
      defaultCountry: 'US',
      ringTimeoutSeconds: 30,
      recordCalls: false,
      permissions: {
        managerViewContacts: true,
        managerEditContacts: false,
        managerViewCallLogs: true,
        memberViewContacts: true,
        memberViewCallLogs: true,
      },
      twilio: { accountSid: null, authTokenSet: false },
      dialer: { enabled: false, status: 'disabled', apiKeySecretSet: false },
    });
  });

  it('should save basic settings and keep the auth token write-only and encrypted at rest', async () => {
    const { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN } = await sandboxAccount(sandbox);
    const s = await signup(t.app);
    const res = await http()
      .patch(`/api/v1/workspaces/${s.workspace.id}`)
      .set(bearer(s.accessToken))
      .send({ name: 'Renamed', defaultCountry: 'GB', ringTimeoutSeconds: 45, recordCalls: true, twilio: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN } })
      .expect(200);
    const ws = res.body as WorkspaceView;
    expect(ws).toMatchObject({ name: 'Renamed', defaultCountry: 'GB', ringTimeoutSeconds: 45, recordCalls: true });
    expect(ws.twilio).toEqual({ accountSid: ACCOUNT_SID, authTokenSet: true, accountType: 'Full' });
    expect(res.text).not.toContain(AUTH_TOKEN);

    const [row] = await t.app.get(DataSource).query('SELECT twilio_auth_token_enc FROM workspaces WHERE id = $1', [ws.id]);
    expect(row.twilio_auth_token_enc).not.toContain(AUTH_TOKEN);
    expect(t.app.get(SecretBox).decrypt(row.twilio_auth_token_enc)).toBe(AUTH_TOKEN);

    // Leaving the token out keeps it; null clears it.
    const kept = await http().patch(`/api/v1/workspaces/${ws.id}`).set(bearer(s.accessToken)).send({ name: 'Again' }).expect(200);
    expect((kept.body as WorkspaceView).twilio.authTokenSet).toBe(true);
    const cleared = await http().patch(`/api/v1/workspaces/${ws.id}`).set(bearer(s.accessToken)).send({ twilio: { authToken: null } }).expect(200);
    expect((cleared.body as WorkspaceView).twilio.authTokenSet).toBe(false);
  });

  it('should refuse a new Account SID without its Auth Token, keeping what was saved', async () => {
    const a = await sandboxAccount(sandbox);
    const b = await sandboxAccount(sandbox);
    const s = await signup(t.app);
    const ws = `/api/v1/workspaces/${s.workspace.id}`;
    await http().patch(ws).set(bearer(s.accessToken)).send({ twilio: { accountSid: a.accountSid, authToken: a.authToken } }).expect(200);
    const res = await http().patch(ws).set(bearer(s.accessToken)).send({ twilio: { accountSid: b.accountSid } }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'twilio.authToken must be given again when twilio.accountSid changes' });
    // The same SID again (as the form may send it) needs nothing more; an upper-case copy is the same SID.
    const same = await http().patch(ws).set(bearer(s.accessToken)).send({ twilio: { accountSid: a.accountSid.toUpperCase() } }).expect(200);
    expect(same.body.twilio).toEqual({ accountSid: a.accountSid, authTokenSet: true, accountType: 'Full' });
  });

  it('should refuse an Account SID that is not AC + 32 hex with a clear message', async () => {
    const s = await signup(t.app);
    const res = await http()
      .patch(`/api/v1/workspaces/${s.workspace.id}`)
      .set(bearer(s.accessToken))
      .send({ twilio: { accountSid: 'AC123' } })
      .expect(400);
    expect(res.body.message).toContain('twilio.accountSid must be "AC" followed by 32 hexadecimal characters');
  });

  it('should answer 400 with messages for out-of-range, unknown and wrongly typed settings', async () => {
    const s = await signup(t.app);
    const res = await http()
      .patch(`/api/v1/workspaces/${s.workspace.id}`)
      .set(bearer(s.accessToken))
      .send({ ringTimeoutSeconds: 3, defaultCountry: 'XX', recordCalls: 'yes', permissions: { managerViewContacts: 'no', bogus: true }, color: 'red' })
      .expect(400);
    const messages = res.body.message as string[];
    expect(messages).toEqual(
      expect.arrayContaining([
        'ringTimeoutSeconds must not be less than 5',
        expect.stringContaining('defaultCountry must be an ISO 3166 alpha-2 country code'),
        'recordCalls must be a boolean value',
        'permissions.managerViewContacts must be a boolean value',
        'permissions.property bogus should not exist',
        'property color should not exist',
      ]),
    );
    const after = await http().get(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).expect(200);
    expect(after.body.ringTimeoutSeconds).toBe(30);
  });

  it('should let only an owner change the plan', async () => {
    const s = await signup(t.app);
    const admin = await memberWithRole(t.app, s.workspace.id, 'admin');
    const res = await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(admin.token)).send({ plan: 'agency' }).expect(403);
    expect(res.body.code).toBe('OWNER_ONLY');
    await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send({ plan: 'agency' }).expect(200);
    await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send({ plan: 'enterprise' }).expect(400);
  });

  it('should explain why the dialer is not ready when it is enabled without credentials', async () => {
    const s = await signup(t.app);
    const res = await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send({ dialer: { enabled: true } }).expect(200);
    expect(res.body.dialer.status).toBe('not_ready');
    expect(res.body.dialer.statusMessage).toContain('Agency plan');
    expect(res.body.dialer.statusMessage).toContain('Account SID and Auth Token');
    expect(res.body.dialer.statusMessage).toContain('API Key SID and Secret');
  });

  it('should create another workspace owned by the caller', async () => {
    const s = await signup(t.app);
    const res = await http().post('/api/v1/workspaces').set(bearer(s.accessToken)).send({ name: 'Second' }).expect(201);
    const me = await http().get('/api/v1/me').set(bearer(s.accessToken)).expect(200);
    expect(me.body.memberships.map((m: { workspaceId: string; role: string }) => [m.workspaceId, m.role])).toEqual(
      expect.arrayContaining([[res.body.id, 'owner'], [s.workspace.id, 'owner']]),
    );
  });
});
