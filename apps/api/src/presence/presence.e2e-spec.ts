import request from 'supertest';
import { useTwoInstances } from '../../test/factories/instances.factory.js';
import { connectRealtime, nextEvent, type RealtimeClient } from '../../test/factories/sockets.factory.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';

describe('presence over Socket.IO (e2e)', () => {
  const t = useTwoInstances({ OFFLINE_AFTER_SECONDS: '1', HEARTBEAT_SECONDS: '1' });

  it('should refuse a socket without a valid token or for another workspace', async () => {
    const s = await signup(t.a.app);
    const other = await signup(t.a.app);
    await expect(connectRealtime(t.urlA, 'not-a-token', s.workspace.id)).rejects.toThrow(/session has expired/);
    await expect(connectRealtime(t.urlA, s.accessToken, other.workspace.id)).rejects.toThrow(/Workspace not found/);
  });

  it('should put an agent online on connect, tell the workspace, and follow the status they set', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const agent = await memberWithRole(t.a.app, ws, 'agent');
    const watcher = await t.connect(t.urlB, s.accessToken, ws); // on the other instance
    const online = nextEvent(watcher, 'presence.changed', (e) => e.userId === agent.userId);
    const agentSocket = await t.connect(t.urlA, agent.token, ws);
    expect(await online).toEqual({ userId: agent.userId, status: 'online' });

    const away = nextEvent(watcher, 'presence.changed', (e) => e.userId === agent.userId);
    const ack = await agentSocket.emitWithAck('presence.set', { status: 'away' });
    expect(ack).toMatchObject({ ok: true, status: 'away' });
    expect(await away).toEqual({ userId: agent.userId, status: 'away' });

    const list = await request(t.a.app.getHttpServer()).get(`/api/v1/workspaces/${ws}/presence`).set(bearer(s.accessToken)).expect(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: agent.userId, role: 'agent', status: 'away' }),
        expect.objectContaining({ userId: s.user.id, role: 'owner', status: 'online' }),
      ]),
    );
  });

  it('should mark a silent agent offline, then restore the intended status on reconnect', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const agent = await memberWithRole(t.a.app, ws, 'agent');
    await request(t.a.app.getHttpServer()).put(`/api/v1/workspaces/${ws}/presence/me`).set(bearer(agent.token)).send({ status: 'dnd' }).expect(200);
    const watcher = await t.connect(t.urlA, s.accessToken, ws);
    const agentSocket = await t.connect(t.urlB, agent.token, ws);
    const offline = nextEvent(watcher, 'presence.changed', (e) => e.userId === agent.userId && e.status === 'offline', 8000);
    agentSocket.close(); // heartbeats stop
    expect(await offline).toEqual({ userId: agent.userId, status: 'offline' });

    const back = nextEvent(watcher, 'presence.changed', (e) => e.userId === agent.userId);
    await t.connect(t.urlA, agent.token, ws);
    expect(await back).toEqual({ userId: agent.userId, status: 'dnd' });
  });

  it('should keep an agent with two tabs online while either tab heartbeats', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const agent = await memberWithRole(t.a.app, ws, 'agent');
    const tab1 = await t.connect(t.urlA, agent.token, ws);
    const tab2 = await t.connect(t.urlB, agent.token, ws);
    tab1.close();
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 400));
      await tab2.emitWithAck('presence.heartbeat');
    }
    const list = await request(t.a.app.getHttpServer()).get(`/api/v1/workspaces/${ws}/presence`).set(bearer(s.accessToken)).expect(200);
    expect(list.body.find((p: { userId: string }) => p.userId === agent.userId).status).toBe('online');
  });

  it('should give managers and members no presence and refuse their status changes', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const manager = await memberWithRole(t.a.app, ws, 'manager');
    const socket = await t.connect(t.urlA, manager.token, ws);
    expect(await socket.emitWithAck('presence.heartbeat')).toEqual({ ok: false });
    expect(await socket.emitWithAck('presence.set', { status: 'online' })).toMatchObject({ ok: false });
    await request(t.a.app.getHttpServer()).put(`/api/v1/workspaces/${ws}/presence/me`).set(bearer(manager.token)).send({ status: 'online' }).expect(403);
    const list = await request(t.a.app.getHttpServer()).get(`/api/v1/workspaces/${ws}/presence`).set(bearer(s.accessToken)).expect(200);
    expect(list.body.map((p: { userId: string }) => p.userId)).not.toContain(manager.userId);
  });

  it('should refuse In Call or Offline as a chosen status with 400', async () => {
    const s = await signup(t.a.app);
    const res = await request(t.a.app.getHttpServer())
      .put(`/api/v1/workspaces/${s.workspace.id}/presence/me`)
      .set(bearer(s.accessToken))
      .send({ status: 'in_call' })
      .expect(400);
    expect(res.body.message).toContain('status must be online, away or dnd (In Call and Offline are automatic)');
  });
});
