import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';

describe('API keys (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should show the key once, store only its hash, and stop it when revoked', async () => {
    const s = await signup(t.app);
    const created = await http().post(`/api/v1/workspaces/${s.workspace.id}/api-keys`).set(bearer(s.accessToken)).send({ name: 'Zapier' }).expect(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^rt_[\w-]{43}$/);
    expect(created.body).toMatchObject({ name: 'Zapier', prefix: key.slice(0, 10) });

    const list = await http().get(`/api/v1/workspaces/${s.workspace.id}/api-keys`).set(bearer(s.accessToken)).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'Zapier' })]);
    expect(list.text).not.toContain(key);

    const rows = await t.app.get(DataSource).query('SELECT * FROM api_keys WHERE id = $1', [created.body.id]);
    expect(JSON.stringify(rows)).not.toContain(key);

    await http().get(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(key)).expect(200);
    await http().delete(`/api/v1/workspaces/${s.workspace.id}/api-keys/${created.body.id}`).set(bearer(s.accessToken)).expect(204);
    const refused = await http().get(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(key)).expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a key name that is missing or too long', async () => {
    const s = await signup(t.app);
    await http().post(`/api/v1/workspaces/${s.workspace.id}/api-keys`).set(bearer(s.accessToken)).send({}).expect(400);
    await http().post(`/api/v1/workspaces/${s.workspace.id}/api-keys`).set(bearer(s.accessToken)).send({ name: 'x'.repeat(81) }).expect(400);
  });

  const keyFor = async (ws: string, token: string, body: Record<string, unknown> = { name: 'Integration' }) =>
    (await http().post(`/api/v1/workspaces/${ws}/api-keys`).set(bearer(token)).send(body).expect(201)).body as { id: string; key: string };

  describe('what a key may not do (403 API_KEY_FORBIDDEN)', () => {
    it('should refuse minting, listing and revoking API keys with a key', async () => {
      const s = await signup(t.app);
      const ws = s.workspace.id;
      const { id, key } = await keyFor(ws, s.accessToken);
      const base = `/api/v1/workspaces/${ws}/api-keys`;
      for (const res of [
        await http().post(base).set(bearer(key)).send({ name: 'Minted by a key' }),
        await http().get(base).set(bearer(key)),
        await http().delete(`${base}/${id}`).set(bearer(key)),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('API_KEY_FORBIDDEN');
      }
      const [{ count }] = await t.app.get(DataSource).query('SELECT count(*)::int AS count FROM api_keys WHERE workspace_id = $1 AND revoked_at IS NULL', [ws]);
      expect(count).toBe(1);
    });

    it('should refuse changing or removing members with a key, while listing them still works', async () => {
      const s = await signup(t.app);
      const ws = s.workspace.id;
      const { key } = await keyFor(ws, s.accessToken);
      const agent = await memberWithRole(t.app, ws, 'agent');
      const patch = await http().patch(`/api/v1/workspaces/${ws}/members/${agent.userId}`).set(bearer(key)).send({ role: 'admin' }).expect(403);
      expect(patch.body.code).toBe('API_KEY_FORBIDDEN');
      const del = await http().delete(`/api/v1/workspaces/${ws}/members/${agent.userId}`).set(bearer(key)).expect(403);
      expect(del.body.code).toBe('API_KEY_FORBIDDEN');
      // Not even the owner: a key is never owner.
      await http().delete(`/api/v1/workspaces/${ws}/members/${s.user.id}`).set(bearer(key)).expect(403);
      const list = await http().get(`/api/v1/workspaces/${ws}/members`).set(bearer(key)).expect(200);
      expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ userId: agent.userId, role: 'agent' })]));
    });

    it('should refuse inviting, listing and revoking invitations with a key (the outbox holds accept links)', async () => {
      const s = await signup(t.app);
      const ws = s.workspace.id;
      const { key } = await keyFor(ws, s.accessToken);
      const inv = await http().post(`/api/v1/workspaces/${ws}/invitations`).set(bearer(s.accessToken)).send({ email: 'someone@example.test', role: 'agent' }).expect(201);
      const base = `/api/v1/workspaces/${ws}/invitations`;
      for (const res of [
        await http().post(base).set(bearer(key)).send({ email: 'attacker@example.test', role: 'admin' }),
        await http().get(base).set(bearer(key)),
        await http().delete(`${base}/${inv.body.id}`).set(bearer(key)),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('API_KEY_FORBIDDEN');
        expect(res.text).not.toContain('acceptUrl');
      }
      const rows = await t.app.get(DataSource).query('SELECT email, revoked_at FROM invitations WHERE workspace_id = $1', [ws]);
      expect(rows).toEqual([{ email: 'someone@example.test', revoked_at: null }]);
    });

    it.each([
      ['twilio', { twilio: { accountSid: `AC${'1'.repeat(32)}`, authToken: 'attacker-token-123' } }],
      ['dialer', { dialer: { enabled: true, apiKeySid: `SK${'2'.repeat(32)}`, apiKeySecret: 'attacker-secret-123' } }],
      ['ai', { ai: { enabled: true, openaiApiKey: 'sk-attacker-123456', baseUrl: 'https://attacker.example/v1' } }],
    ])('should refuse the %s settings with a key and change nothing', async (field, body) => {
      const s = await signup(t.app);
      const ws = s.workspace.id;
      const { key } = await keyFor(ws, s.accessToken);
      const db = t.app.get(DataSource);
      const before = await db.query('SELECT * FROM workspaces WHERE id = $1', [ws]);
      const res = await http().patch(`/api/v1/workspaces/${ws}`).set(bearer(key)).send({ name: 'Renamed by key', ...body }).expect(403);
      expect(res.body).toMatchObject({ code: 'API_KEY_FORBIDDEN', message: expect.stringContaining(field) });
      expect(await db.query('SELECT * FROM workspaces WHERE id = $1', [ws])).toEqual(before);
    });

    it('should still let a key change non-credential settings and read the workspace', async () => {
      const s = await signup(t.app);
      const ws = s.workspace.id;
      const { key } = await keyFor(ws, s.accessToken);
      const res = await http().patch(`/api/v1/workspaces/${ws}`).set(bearer(key)).send({ name: 'Renamed by key', ringTimeoutSeconds: 25 }).expect(200);
      expect(res.body).toMatchObject({ name: 'Renamed by key', ringTimeoutSeconds: 25 });
      await http().get(`/api/v1/workspaces/${ws}`).set(bearer(key)).expect(200);
      // Never owner: the plan stays owner-only.
      await http().patch(`/api/v1/workspaces/${ws}`).set(bearer(key)).send({ plan: 'agency' }).expect(403);
    });
  });

  describe('expiry and last use', () => {
    it('should take an optional expiry in the future, at most two years ahead', async () => {
      const s = await signup(t.app);
      const base = `/api/v1/workspaces/${s.workspace.id}/api-keys`;
      const day = 86400_000;
      const at = new Date(Date.now() + 30 * day).toISOString();
      const created = await http().post(base).set(bearer(s.accessToken)).send({ name: 'CI', expiresAt: at }).expect(201);
      expect(created.body).toMatchObject({ expiresAt: at, lastUsedAt: null });
      const never = await http().post(base).set(bearer(s.accessToken)).send({ name: 'Forever' }).expect(201);
      expect(never.body.expiresAt).toBeNull();
      const list = await http().get(base).set(bearer(s.accessToken)).expect(200);
      expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.body.id, expiresAt: at })]));

      for (const [expiresAt, message] of [
        [new Date(Date.now() - 1000).toISOString(), 'expiresAt must be in the future'],
        [new Date(Date.now() + 731 * day).toISOString(), 'at most 730 days'],
        ['next tuesday', 'expiresAt must be an ISO 8601 date-time'],
      ]) {
        const res = await http().post(base).set(bearer(s.accessToken)).send({ name: 'Bad', expiresAt }).expect(400);
        expect(JSON.stringify(res.body.message)).toContain(message);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('should refuse an expired key with 401 API_KEY_EXPIRED', async () => {
      const s = await signup(t.app);
      const ws = s.workspace.id;
      const { id, key } = await keyFor(ws, s.accessToken, { name: 'Short', expiresAt: new Date(Date.now() + 60_000).toISOString() });
      await http().get(`/api/v1/workspaces/${ws}`).set(bearer(key)).expect(200);
      await t.app.get(DataSource).query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      const res = await http().get(`/api/v1/workspaces/${ws}`).set(bearer(key)).expect(401);
      expect(res.body).toMatchObject({ code: 'API_KEY_EXPIRED', message: expect.stringContaining('expired') });
    });

    it('should stamp the last use at most once a minute', async () => {
      const s = await signup(t.app);
      const ws = s.workspace.id;
      const { id, key } = await keyFor(ws, s.accessToken);
      const db = t.app.get(DataSource);
      const lastUsed = async () => ((await db.query('SELECT last_used_at FROM api_keys WHERE id = $1', [id])) as Array<{ last_used_at: Date | null }>)[0]!.last_used_at;
      expect(await lastUsed()).toBeNull();

      await http().get(`/api/v1/workspaces/${ws}`).set(bearer(key)).expect(200);
      const first = await lastUsed();
      expect(first).toBeInstanceOf(Date);
      await Promise.all([1, 2, 3].map(() => http().get(`/api/v1/workspaces/${ws}/members`).set(bearer(key)).expect(200)));
      expect(await lastUsed()).toEqual(first);

      await db.query(`UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [id]);
      const stale = await lastUsed();
      await http().get(`/api/v1/workspaces/${ws}`).set(bearer(key)).expect(200);
      expect((await lastUsed())!.getTime()).toBeGreaterThan(stale!.getTime() + 60_000);
      const list = await http().get(`/api/v1/workspaces/${ws}/api-keys`).set(bearer(s.accessToken)).expect(200);
      expect(list.body.items[0].lastUsedAt).toBe((await lastUsed())!.toISOString());
    });
  });
});
