import type { InvitationView } from '@ringtonic/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, memberWithRole, PASSWORD, signup, uniqueEmail } from '../../test/factories/users.factory.js';

const tokenOf = (inv: InvitationView) => inv.acceptUrl!.split('/invite/')[1]!;

describe('invitations (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  async function invite(ws: { id: string }, token: string, email: string, role = 'agent'): Promise<InvitationView> {
    const res = await http().post(`/api/v1/workspaces/${ws.id}/invitations`).set(bearer(token)).send({ email, role }).expect(201);
    return res.body as InvitationView;
  }

  it('should turn an accepted invitation into a new user with that role', async () => {
    const s = await signup(t.app, { workspaceName: 'Invite Co' });
    const email = uniqueEmail('new');
    const sentAt = Date.now();
    const inv = await invite(s.workspace, s.accessToken, email, 'manager');
    expect(inv).toMatchObject({ email, role: 'manager', status: 'pending', delivery: 'outbox' });
    // Valid for 7 days (INVITATION_TTL_HOURS default) from now.
    const week = 7 * 24 * 3600_000;
    expect(Date.parse(inv.expiresAt)).toBeGreaterThanOrEqual(sentAt + week - 1000);
    expect(Date.parse(inv.expiresAt)).toBeLessThanOrEqual(Date.now() + week + 1000);
    expect(inv.acceptUrl).toMatch(/^http:\/\/localhost:3999\/invite\/[\w-]{40,}$/);

    const preview = await http().get(`/api/v1/invitations/${tokenOf(inv)}`).expect(200);
    expect(preview.body).toMatchObject({ email, role: 'manager', workspaceName: 'Invite Co', userExists: false, expiresAt: inv.expiresAt });

    const accepted = await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).send({ name: 'Newbie', password: PASSWORD }).expect(200);
    expect(accepted.body).toMatchObject({ workspaceId: s.workspace.id, role: 'manager', user: { email, name: 'Newbie' } });
    const me = await http().get('/api/v1/me').set(bearer(accepted.body.accessToken)).expect(200);
    expect(me.body.memberships).toEqual([expect.objectContaining({ workspaceId: s.workspace.id, role: 'manager' })]);
    await http().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);

    // Used once; gone from the outbox.
    const again = await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).send({ name: 'X', password: PASSWORD }).expect(409);
    expect(again.body.code).toBe('INVITATION_USED');
    const outbox = await http().get(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).expect(200);
    expect(outbox.body.items).toHaveLength(0);
  });

  it('should let an existing user accept with their password, or with their own session', async () => {
    const inviter = await signup(t.app);
    const existing = await signup(t.app);
    const inv = await invite(inviter.workspace, inviter.accessToken, existing.user.email, 'agent');
    const preview = await http().get(`/api/v1/invitations/${tokenOf(inv)}`).expect(200);
    expect(preview.body.userExists).toBe(true);
    await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).send({ password: 'wrong-password' }).expect(401);
    const ok = await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).send({ password: PASSWORD }).expect(200);
    expect(ok.body).toMatchObject({ workspaceId: inviter.workspace.id, role: 'agent', user: { id: existing.user.id } });

    const other = await signup(t.app);
    const inv2 = await invite(other.workspace, other.accessToken, existing.user.email, 'admin');
    await http().post(`/api/v1/invitations/${tokenOf(inv2)}/accept`).set(bearer(existing.accessToken)).send({}).expect(200);
    const me = await http().get('/api/v1/me').set(bearer(existing.accessToken)).expect(200);
    expect(me.body.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['admin', 'agent', 'owner']);
  });

  it('should refuse a signed-in user whose email is not the invited one', async () => {
    const s = await signup(t.app);
    const stranger = await signup(t.app);
    const inv = await invite(s.workspace, s.accessToken, uniqueEmail('someone'));
    const res = await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).set(bearer(stranger.accessToken)).send({}).expect(403);
    expect(res.body.code).toBe('INVITATION_EMAIL_MISMATCH');
  });

  it('should refuse an expired invitation', async () => {
    const s = await signup(t.app);
    const inv = await invite(s.workspace, s.accessToken, uniqueEmail());
    await t.app.get(DataSource).query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [inv.id]);
    const res = await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).send({ name: 'Late', password: PASSWORD }).expect(410);
    expect(res.body).toMatchObject({ code: 'INVITATION_EXPIRED', message: expect.stringContaining('expired') });
    await http().get(`/api/v1/invitations/${tokenOf(inv)}`).expect(410);
  });

  it('should refuse a revoked invitation', async () => {
    const s = await signup(t.app);
    const inv = await invite(s.workspace, s.accessToken, uniqueEmail());
    await http().delete(`/api/v1/workspaces/${s.workspace.id}/invitations/${inv.id}`).set(bearer(s.accessToken)).expect(204);
    const res = await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).send({ name: 'X', password: PASSWORD }).expect(410);
    expect(res.body.code).toBe('INVITATION_REVOKED');
    await http().delete(`/api/v1/workspaces/${s.workspace.id}/invitations/${inv.id}`).set(bearer(s.accessToken)).expect(404);
  });

  it('should answer 404 for an unknown token and 400 when a new user sends no name or password', async () => {
    await http().post('/api/v1/invitations/not-a-real-token/accept').send({ name: 'X', password: PASSWORD }).expect(404);
    const s = await signup(t.app);
    const inv = await invite(s.workspace, s.accessToken, uniqueEmail());
    const res = await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).send({}).expect(400);
    expect(res.body.message).toContain('name is required');
    await http().post(`/api/v1/invitations/${tokenOf(inv)}/accept`).send({ name: 'X', password: PASSWORD, role: 'owner' }).expect(400);
  });

  it('should replace a pending invitation when the same address is invited again', async () => {
    const s = await signup(t.app);
    const email = uniqueEmail();
    const first = await invite(s.workspace, s.accessToken, email, 'member');
    const second = await invite(s.workspace, s.accessToken, email, 'agent');
    const outbox = await http().get(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).expect(200);
    expect(outbox.body.items.map((i: InvitationView) => [i.id, i.role])).toEqual([[second.id, 'agent']]);
    await http().post(`/api/v1/invitations/${tokenOf(first)}/accept`).send({ name: 'X', password: PASSWORD }).expect(410);
  });

  it('should refuse inviting an existing member, a bad email, or an owner by an admin', async () => {
    const s = await signup(t.app);
    const admin = await memberWithRole(t.app, s.workspace.id, 'admin');
    const dup = await http().post(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).send({ email: admin.email, role: 'agent' }).expect(409);
    expect(dup.body.code).toBe('ALREADY_MEMBER');
    const bad = await http().post(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).send({ email: 'nope', role: 'chief' }).expect(400);
    expect(bad.body.message).toEqual(expect.arrayContaining(['email must be a valid email address', expect.stringContaining('role must be one of')]));
    const owner = await http().post(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(admin.token)).send({ email: uniqueEmail(), role: 'owner' }).expect(403);
    expect(owner.body.code).toBe('OWNER_ONLY');
  });
});
