import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, memberWithRole, signup, uniqueEmail } from '../../test/factories/users.factory.js';

// Every workspace route, with the ids it needs; `own` fills them from the caller's workspace.
type Ids = { ws: string; userId: string; invitationId: string; apiKeyId: string };
const ROUTES: Array<[method: 'get' | 'patch' | 'post' | 'delete', path: (i: Ids) => string, body?: object]> = [
  ['get', (i) => `/api/v1/workspaces/${i.ws}`],
  ['patch', (i) => `/api/v1/workspaces/${i.ws}`, { name: 'x' }],
  ['get', (i) => `/api/v1/workspaces/${i.ws}/members`],
  ['patch', (i) => `/api/v1/workspaces/${i.ws}/members/${i.userId}`, { role: 'agent' }],
  ['delete', (i) => `/api/v1/workspaces/${i.ws}/members/${i.userId}`],
  ['get', (i) => `/api/v1/workspaces/${i.ws}/invitations`],
  ['post', (i) => `/api/v1/workspaces/${i.ws}/invitations`, { email: 'someone@example.test', role: 'agent' }],
  ['delete', (i) => `/api/v1/workspaces/${i.ws}/invitations/${i.invitationId}`],
  ['get', (i) => `/api/v1/workspaces/${i.ws}/api-keys`],
  ['post', (i) => `/api/v1/workspaces/${i.ws}/api-keys`, { name: 'k' }],
  ['delete', (i) => `/api/v1/workspaces/${i.ws}/api-keys/${i.apiKeyId}`],
];

describe('workspace isolation (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let mine: { token: string; ids: Ids };
  let theirs: Ids;

  async function workspaceWithThings() {
    const s = await signup(t.app);
    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    const inv = await http().post(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).send({ email: uniqueEmail(), role: 'agent' }).expect(201);
    const key = await http().post(`/api/v1/workspaces/${s.workspace.id}/api-keys`).set(bearer(s.accessToken)).send({ name: 'k' }).expect(201);
    return { token: s.accessToken, apiKey: key.body.key as string, ids: { ws: s.workspace.id, userId: agent.userId, invitationId: inv.body.id, apiKeyId: key.body.id } };
  }

  beforeAll(async () => {
    t = await createTestApp();
    mine = await workspaceWithThings();
    theirs = (await workspaceWithThings()).ids;
  });
  afterAll(async () => t.close());

  it.each(ROUTES.map(([m, p, b]) => [m.toUpperCase(), p({ ws: ':ws', userId: ':userId', invitationId: ':id', apiKeyId: ':id' }), m, p, b] as const))(
    'should answer 404 on %s %s for another workspace',
    async (_m, _label, method, path, body) => {
      const res = await http()[method](path(theirs)).set(bearer(mine.token)).send(body ?? {});
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    },
  );

  it.each(
    ROUTES.filter(([, p]) => /userId|invitationId|apiKeyId/.test(p.toString())).map(([m, p, b]) => [m.toUpperCase(), p({ ws: ':ws', userId: ':userId', invitationId: ':id', apiKeyId: ':id' }), m, p, b] as const),
  )('should answer 404 on %s %s for another workspace\'s ids inside my workspace', async (_m, _label, method, path, body) => {
    const res = await http()[method](path({ ...theirs, ws: mine.ids.ws })).set(bearer(mine.token)).send(body ?? {});
    expect(res.status).toBe(404);
  });

  it('should answer 404 for ids that are not UUIDs', async () => {
    await http().get('/api/v1/workspaces/not-a-uuid').set(bearer(mine.token)).expect(404);
    await http().delete(`/api/v1/workspaces/${mine.ids.ws}/members/123`).set(bearer(mine.token)).expect(404);
  });

  it('should scope an API key to its own workspace, acting as admin there', async () => {
    const other = await workspaceWithThings();
    const mineKey = (await http().post(`/api/v1/workspaces/${mine.ids.ws}/api-keys`).set(bearer(mine.token)).send({ name: 'integration' }).expect(201)).body.key as string;
    await http().get(`/api/v1/workspaces/${mine.ids.ws}/members`).set(bearer(mineKey)).expect(200);
    await http().patch(`/api/v1/workspaces/${mine.ids.ws}`).set(bearer(mineKey)).send({ ringTimeoutSeconds: 20 }).expect(200);
    // Admin, not owner: the plan stays the owner's call.
    await http().patch(`/api/v1/workspaces/${mine.ids.ws}`).set(bearer(mineKey)).send({ plan: 'agency' }).expect(403);
    await http().get(`/api/v1/workspaces/${other.ids.ws}/members`).set(bearer(mineKey)).expect(404);
    // Not a user session: no /me, no new workspaces.
    await http().get('/api/v1/me').set(bearer(mineKey)).expect(401);
  });
});
