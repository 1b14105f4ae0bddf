import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';

describe('members (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should list members with their roles', async () => {
    const s = await signup(t.app, { name: 'Olivia' });
    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    const res = await http().get(`/api/v1/workspaces/${s.workspace.id}/members`).set(bearer(agent.token)).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ userId: s.user.id, name: 'Olivia', role: 'owner' }),
      expect.objectContaining({ userId: agent.userId, email: agent.email, role: 'agent' }),
    ]);
  });

  it('should let an admin change a role and refuse an agent with 403', async () => {
    const s = await signup(t.app);
    const admin = await memberWithRole(t.app, s.workspace.id, 'admin');
    const target = await memberWithRole(t.app, s.workspace.id, 'manager');
    const res = await http()
      .patch(`/api/v1/workspaces/${s.workspace.id}/members/${target.userId}`)
      .set(bearer(admin.token))
      .send({ role: 'agent' })
      .expect(200);
    expect(res.body).toMatchObject({ userId: target.userId, role: 'agent' });
    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    await http().patch(`/api/v1/workspaces/${s.workspace.id}/members/${target.userId}`).set(bearer(agent.token)).send({ role: 'member' }).expect(403);
    await http().patch(`/api/v1/workspaces/${s.workspace.id}/members/${target.userId}`).set(bearer(admin.token)).send({ role: 'boss' }).expect(400);
  });

  it('should never demote or remove the last owner', async () => {
    const s = await signup(t.app);
    const demote = await http()
      .patch(`/api/v1/workspaces/${s.workspace.id}/members/${s.user.id}`)
      .set(bearer(s.accessToken))
      .send({ role: 'admin' })
      .expect(409);
    expect(demote.body.code).toBe('LAST_OWNER');
    const remove = await http().delete(`/api/v1/workspaces/${s.workspace.id}/members/${s.user.id}`).set(bearer(s.accessToken)).expect(409);
    expect(remove.body.code).toBe('LAST_OWNER');
  });

  it('should let an owner hand over ownership and then step down', async () => {
    const s = await signup(t.app);
    const admin = await memberWithRole(t.app, s.workspace.id, 'admin');
    await http().patch(`/api/v1/workspaces/${s.workspace.id}/members/${admin.userId}`).set(bearer(s.accessToken)).send({ role: 'owner' }).expect(200);
    await http().patch(`/api/v1/workspaces/${s.workspace.id}/members/${s.user.id}`).set(bearer(s.accessToken)).send({ role: 'admin' }).expect(200);
    const members = await http().get(`/api/v1/workspaces/${s.workspace.id}/members`).set(bearer(admin.token)).expect(200);
    expect(members.body.items.filter((m: { role: string }) => m.role === 'owner')).toHaveLength(1);
  });

  it('should keep one owner when two owners demote each other at the same time', async () => {
    const s = await signup(t.app);
    const second = await memberWithRole(t.app, s.workspace.id, 'owner');
    const results = await Promise.all([
      http().patch(`/api/v1/workspaces/${s.workspace.id}/members/${second.userId}`).set(bearer(s.accessToken)).send({ role: 'admin' }),
      http().patch(`/api/v1/workspaces/${s.workspace.id}/members/${s.user.id}`).set(bearer(second.token)).send({ role: 'admin' }),
    ]);
    // One wins; the other is refused: 409 (last owner) or 403 (already demoted when it acted).
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.find((r) => r.status !== 200)?.body.code).toMatch(/^(LAST_OWNER|OWNER_ONLY|FORBIDDEN)$/);
    const members = await http().get(`/api/v1/workspaces/${s.workspace.id}/members`).set(bearer(s.accessToken));
    const owners = (members.status === 200 ? members : await http().get(`/api/v1/workspaces/${s.workspace.id}/members`).set(bearer(second.token)))
      .body.items.filter((m: { role: string }) => m.role === 'owner');
    expect(owners).toHaveLength(1);
  });

  it('should not let an admin demote or remove an owner', async () => {
    const s = await signup(t.app);
    const admin = await memberWithRole(t.app, s.workspace.id, 'admin');
    await memberWithRole(t.app, s.workspace.id, 'owner');
    const res = await http().delete(`/api/v1/workspaces/${s.workspace.id}/members/${s.user.id}`).set(bearer(admin.token)).expect(403);
    expect(res.body.code).toBe('OWNER_ONLY');
    await http().patch(`/api/v1/workspaces/${s.workspace.id}/members/${admin.userId}`).set(bearer(admin.token)).send({ role: 'owner' }).expect(403);
  });

  it('should remove a member, who then gets 404 on the workspace', async () => {
    const s = await signup(t.app);
    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    await http().delete(`/api/v1/workspaces/${s.workspace.id}/members/${agent.userId}`).set(bearer(s.accessToken)).expect(204);
    await http().get(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(agent.token)).expect(404);
  });
});
