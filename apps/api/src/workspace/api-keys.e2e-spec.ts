import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, signup } from '../../test/factories/users.factory.js';

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
});
