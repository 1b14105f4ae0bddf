import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer } from '../../test/factories/users.factory.js';
import { type ThingIds, workspaceFingerprint, type WorkspaceWithThings, workspaceWithThings } from '../../test/factories/workspace-world.factory.js';
import { DataSource } from 'typeorm';
import { type DocumentedRoute, documentedRoutes, fillRoute } from '../../test/openapi-routes.js';

// Every path parameter a workspace route may name, filled from a workspace's own things. A new
// route with a parameter missing here (or an entry no route names any more) fails the tests below.
const fillFrom = (ids: ThingIds): Record<string, string> => ({
  'workspaces/{workspaceId}': ids.workspaceId,
  'contacts/{contactId}': ids.contactId,
  'call-logs/{callLogId}': ids.callLogId,
  'calls/{callId}': ids.callId,
  'members/{userId}': ids.userId,
  'invitations/{id}': ids.invitationId,
  'api-keys/{id}': ids.apiKeyId,
  'phone-numbers/{id}': ids.phoneNumberId,
  'campaigns/{id}': ids.campaignId,
});

// Valid bodies, so a 404 is never a 400 in disguise (and a route that forgot the workspace check
// would really act).
const BODIES: Record<string, object> = {
  'patch /api/v1/workspaces/{workspaceId}': { name: 'Hijacked' },
  'post /api/v1/workspaces/{workspaceId}/contacts': { phone: '+12125550142' },
  'patch /api/v1/workspaces/{workspaceId}/contacts/{contactId}': { name: 'Hijacked' },
  'patch /api/v1/workspaces/{workspaceId}/call-logs/{callLogId}': { notes: 'Hijacked' },
  'patch /api/v1/workspaces/{workspaceId}/members/{userId}': { role: 'admin' },
  'post /api/v1/workspaces/{workspaceId}/invitations': { email: 'someone@example.test', role: 'agent' },
  'post /api/v1/workspaces/{workspaceId}/api-keys': { name: 'k' },
  'patch /api/v1/workspaces/{workspaceId}/phone-numbers/{id}': { label: 'Hijacked' },
  'post /api/v1/workspaces/{workspaceId}/campaigns': { name: 'Hijacked' },
  'patch /api/v1/workspaces/{workspaceId}/campaigns/{id}': { name: 'Hijacked' },
  'put /api/v1/workspaces/{workspaceId}/presence/me': { status: 'online' },
};

const isWorkspaceRoute = (p: string) => p.includes('{workspaceId}');

describe('workspace isolation (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let mine: WorkspaceWithThings;
  let theirs: WorkspaceWithThings;
  let routes: DocumentedRoute[];

  /** Calls every route with the given fills as my owner; returns what did not answer 404 NOT_FOUND. */
  async function callAll(list: DocumentedRoute[], fill: Record<string, string>) {
    const wrong: string[] = [];
    const missing = new Set<string>();
    for (const route of list) {
      const { url, missing: m } = fillRoute(route, fill);
      m.forEach((k) => missing.add(k));
      if (m.length) continue;
      const res = await http()[route.method](url).set(bearer(mine.token)).send(BODIES[`${route.method} ${route.path}`] ?? {});
      if (res.status !== 404 || res.body.code !== 'NOT_FOUND') wrong.push(`${route.method.toUpperCase()} ${route.path} → ${res.status} ${res.body.code ?? ''}`);
    }
    return { wrong, missing: [...missing] };
  }

  beforeAll(async () => {
    t = await createTestApp();
    mine = await workspaceWithThings(t.app);
    // Their ringing call is offered to me too: only the workspace check stops me answering it.
    theirs = await workspaceWithThings(t.app, [mine.ownerUserId]);
    routes = await documentedRoutes(t.app, isWorkspaceRoute);
  });
  afterAll(async () => t.close());

  it('should find the workspace routes in the OpenAPI document', () => {
    // A floor, so a broken document cannot make the table tests below pass vacuously.
    expect(routes.length).toBeGreaterThanOrEqual(50);
    const seen = routes.map((r) => `${r.method} ${r.path}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'delete /api/v1/workspaces/{workspaceId}/members/{userId}',
        'post /api/v1/workspaces/{workspaceId}/calls/{callId}/answer',
        'get /api/v1/workspaces/{workspaceId}/contacts/{contactId}/stats',
        'patch /api/v1/workspaces/{workspaceId}/campaigns/{id}',
      ]),
    );
  });

  it('should answer 404 on every workspace route, every method, for a workspace I am not in, and change nothing there', async () => {
    const before = await workspaceFingerprint(t.app, theirs.ids.workspaceId);
    const { wrong, missing } = await callAll(routes, fillFrom(theirs.ids));
    expect(missing).toEqual([]);
    expect(wrong).toEqual([]);
    expect(await workspaceFingerprint(t.app, theirs.ids.workspaceId)).toEqual(before);
  });

  it("should answer 404 in my own workspace for every route given another workspace's resource ids, and change nothing", async () => {
    const withIds = routes.filter((r) => r.params.length > 1);
    expect(withIds.length).toBeGreaterThanOrEqual(20);
    const before = { mine: await workspaceFingerprint(t.app, mine.ids.workspaceId), theirs: await workspaceFingerprint(t.app, theirs.ids.workspaceId) };
    const { wrong, missing } = await callAll(withIds, { ...fillFrom(theirs.ids), 'workspaces/{workspaceId}': mine.ids.workspaceId });
    expect(missing).toEqual([]);
    expect(wrong).toEqual([]);
    expect({ mine: await workspaceFingerprint(t.app, mine.ids.workspaceId), theirs: await workspaceFingerprint(t.app, theirs.ids.workspaceId) }).toEqual(before);
  });

  it('should still serve those routes with my own ids, answering a call offered to me included (the 404s above are about the workspace, not the requests)', async () => {
    const ws = `/api/v1/workspaces/${mine.ids.workspaceId}`;
    await http().get(`${ws}/contacts/${mine.ids.contactId}`).set(bearer(mine.token)).expect(200);
    await http().get(`${ws}/contacts/${mine.ids.contactId}/calls`).set(bearer(mine.token)).expect(200);
    await http().get(`${ws}/contacts/${mine.ids.contactId}/stats`).set(bearer(mine.token)).expect(200);
    await http().get(`${ws}/call-logs/${mine.ids.callLogId}`).set(bearer(mine.token)).expect(200);
    await http().patch(`${ws}/members/${mine.ids.userId}`).set(bearer(mine.token)).send({ role: 'agent' }).expect(200);
    await http().patch(`${ws}/phone-numbers/${mine.ids.phoneNumberId}`).set(bearer(mine.token)).send({ label: 'Mine' }).expect(200);
    await http().patch(`${ws}/campaigns/${mine.ids.campaignId}`).set(bearer(mine.token)).send({ name: 'Mine' }).expect(200);
    // Their ringing call was offered to me and still got a 404 above; my own ringing call, offered
    // to me the same way, is answered: the route works, the workspace check made the difference.
    await t.app.get(DataSource).query(`INSERT INTO call_offers (call_log_id, user_id) VALUES ($1, $2)`, [mine.ids.callId, mine.ownerUserId]);
    const answered = await http().post(`${ws}/calls/${mine.ids.callId}/answer`).set(bearer(mine.token)).expect(200);
    expect(answered.body).toMatchObject({ callId: mine.ids.callId });
  });

  it('should have a value for exactly the path parameters the documented workspace routes name (none missing, none stale)', () => {
    const documented = [...new Set(routes.flatMap((r) => r.params.map((p) => p.key)))].sort();
    expect(documented).toEqual(Object.keys(fillFrom(mine.ids)).sort());
  });

  it('should answer 404 for ids that are not UUIDs', async () => {
    await http().get('/api/v1/workspaces/not-a-uuid').set(bearer(mine.token)).expect(404);
    await http().delete(`/api/v1/workspaces/${mine.ids.workspaceId}/members/123`).set(bearer(mine.token)).expect(404);
  });

  it('should scope an API key to its own workspace, acting as admin there', async () => {
    const ws = `/api/v1/workspaces/${mine.ids.workspaceId}`;
    await http().get(`${ws}/members`).set(bearer(mine.apiKey)).expect(200);
    await http().patch(ws).set(bearer(mine.apiKey)).send({ ringTimeoutSeconds: 20 }).expect(200);
    // Admin, not owner: the plan stays the owner's call.
    await http().patch(ws).set(bearer(mine.apiKey)).send({ plan: 'indie' }).expect(403);
    await http().get(`/api/v1/workspaces/${theirs.ids.workspaceId}/members`).set(bearer(mine.apiKey)).expect(404);
    await http().get(`/api/v1/workspaces/${theirs.ids.workspaceId}/contacts/${theirs.ids.contactId}`).set(bearer(mine.apiKey)).expect(404);
    // Not a user session: no /me, no new workspaces.
    await http().get('/api/v1/me').set(bearer(mine.apiKey)).expect(401);
  });
});
