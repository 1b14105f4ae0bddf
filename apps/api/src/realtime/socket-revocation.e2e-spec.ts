import request from 'supertest';
import { DataSource } from 'typeorm';
import { useTwoInstances } from '../../test/factories/instances.factory.js';
import { connectRealtime, type RealtimeClient } from '../../test/factories/sockets.factory.js';
import { bearer, memberWithRole, PASSWORD, signup } from '../../test/factories/users.factory.js';
import { WorkspaceService } from '../workspace/workspace.service.js';

/** Resolves with the disconnect reason, or rejects after `ms`. */
function disconnected(socket: RealtimeClient, ms = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

const stillConnectedAfter = async (socket: RealtimeClient, ms: number) => {
  await new Promise((r) => setTimeout(r, ms));
  return socket.connected;
};

describe('ending live sockets: removed members, changed roles, ended sessions (e2e)', () => {
  const t = useTwoInstances();

  it('should end a removed member\'s live socket on another instance within a second, and refuse them on reconnect', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const agent = await memberWithRole(t.a.app, ws, 'agent');
    const agentSocket = await t.connect(t.urlB, agent.token, ws);
    const ownerSocket = await t.connect(t.urlB, s.accessToken, ws);

    const ended = disconnected(agentSocket, 1000);
    await request(t.a.app.getHttpServer()).delete(`/api/v1/workspaces/${ws}/members/${agent.userId}`).set(bearer(s.accessToken)).expect(204);
    expect(await ended).toBe('io server disconnect');
    expect(ownerSocket.connected).toBe(true); // only that member's sockets
    await expect(connectRealtime(t.urlA, agent.token, ws)).rejects.toThrow(/Workspace not found/);
  });

  it('should end only the removed workspace\'s socket of a user who is a member elsewhere', async () => {
    const s1 = await signup(t.a.app);
    const s2 = await signup(t.a.app);
    const agent = await memberWithRole(t.a.app, s1.workspace.id, 'agent');
    await t.a.app.get(WorkspaceService).addMember(s2.workspace.id, agent.userId, 'agent');
    const inWs1 = await t.connect(t.urlA, agent.token, s1.workspace.id);
    const inWs2 = await t.connect(t.urlB, agent.token, s2.workspace.id);

    const ended = disconnected(inWs1, 1000);
    await request(t.b.app.getHttpServer()).delete(`/api/v1/workspaces/${s1.workspace.id}/members/${agent.userId}`).set(bearer(s1.accessToken)).expect(204);
    await ended;
    expect(await stillConnectedAfter(inWs2, 300)).toBe(true);
  });

  it('should end a member\'s socket when their role changes, and let them back in with the new role', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const agent = await memberWithRole(t.a.app, ws, 'agent');
    const agentSocket = await t.connect(t.urlB, agent.token, ws);
    expect(await agentSocket.emitWithAck('presence.heartbeat')).toMatchObject({ ok: true });

    const ended = disconnected(agentSocket, 1000);
    await request(t.a.app.getHttpServer()).patch(`/api/v1/workspaces/${ws}/members/${agent.userId}`).set(bearer(s.accessToken)).send({ role: 'member' }).expect(200);
    await ended;
    const again = await t.connect(t.urlA, agent.token, ws);
    expect(await again.emitWithAck('presence.heartbeat')).toEqual({ ok: false }); // a member has no presence now
    expect(again.connected).toBe(true);
  });

  it('should end the session\'s sockets on logout, on every instance, and keep the user\'s other sessions', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const agent = await memberWithRole(t.a.app, ws, 'agent');
    const secondLogin = await request(t.a.app.getHttpServer()).post('/api/v1/auth/login').send({ email: agent.email, password: PASSWORD }).expect(200);
    const onA = await t.connect(t.urlA, agent.token, ws);
    const onB = await t.connect(t.urlB, agent.token, ws);
    const otherSession = await t.connect(t.urlB, secondLogin.body.accessToken as string, ws);

    const endedA = disconnected(onA, 1000);
    const endedB = disconnected(onB, 1000);
    await request(t.a.app.getHttpServer()).post('/api/v1/auth/logout').set(bearer(agent.token)).expect(204);
    expect(await endedA).toBe('io server disconnect');
    expect(await endedB).toBe('io server disconnect');
    expect(await stillConnectedAfter(otherSession, 300)).toBe(true);
  });

  it('should disconnect on the next heartbeat once the membership is gone from the database', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const agent = await memberWithRole(t.a.app, ws, 'agent');
    const agentSocket = await t.connect(t.urlA, agent.token, ws);
    expect(await agentSocket.emitWithAck('presence.heartbeat')).toMatchObject({ ok: true });

    await t.a.app.get(DataSource).query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [ws, agent.userId]);
    const ended = disconnected(agentSocket, 1000);
    expect(await agentSocket.emitWithAck('presence.heartbeat')).toMatchObject({ ok: false, error: expect.stringMatching(/membership, role or session/) });
    expect(await ended).toBe('io server disconnect');
  });

  it('should disconnect a manager (no presence) on heartbeat too once removed behind the server\'s back', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const manager = await memberWithRole(t.a.app, ws, 'manager');
    const socket = await t.connect(t.urlB, manager.token, ws);
    await t.a.app.get(DataSource).query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [ws, manager.userId]);
    const ended = disconnected(socket, 1000);
    expect(await socket.emitWithAck('presence.heartbeat')).toMatchObject({ ok: false });
    await ended;
  });

  it('should disconnect on the next heartbeat once the session was revoked in the database', async () => {
    const s = await signup(t.a.app);
    const ws = s.workspace.id;
    const agent = await memberWithRole(t.a.app, ws, 'agent');
    const agentSocket = await t.connect(t.urlB, agent.token, ws);
    expect(await agentSocket.emitWithAck('presence.heartbeat')).toMatchObject({ ok: true });

    await t.a.app.get(DataSource).query('UPDATE refresh_sessions SET revoked_at = now() WHERE user_id = $1', [agent.userId]);
    const ended = disconnected(agentSocket, 1000);
    expect(await agentSocket.emitWithAck('presence.heartbeat')).toMatchObject({ ok: false });
    await ended;
  });
});
