import type { InvitationView } from '@ringtonic/contracts';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, PASSWORD, signup } from '../../test/factories/users.factory.js';

const from = (ip: string) => ({ 'X-Forwarded-For': ip });

// Attack: invite someone else's address to your own workspace (outbox mode hands you the link),
// then guess their password through the accept endpoint. It shares the login throttle.
describe('invitation acceptance throttle (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp(); // LOGIN_MAX_ATTEMPTS default 10
  });
  afterAll(async () => t.close());

  async function inviteVictim(): Promise<{ victim: Awaited<ReturnType<typeof signup>>; token: string }> {
    const attacker = await signup(t.app);
    const victim = await signup(t.app);
    const inv = (await http().post(`/api/v1/workspaces/${attacker.workspace.id}/invitations`).set(bearer(attacker.accessToken)).send({ email: victim.user.email, role: 'agent' }).expect(201))
      .body as InvitationView;
    return { victim, token: inv.acceptUrl!.split('/invite/')[1]! };
  }

  it('should answer 429 before the 11th of 30 wrong passwords, and not check the right one from there', async () => {
    const { victim, token } = await inviteVictim();
    const ip = '203.0.113.50';
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await http().post(`/api/v1/invitations/${token}/accept`).set(from(ip)).send({ password: `guess-${i}-wrong` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));

    // A hit would have returned the victim's session: from the attacker's address it is not even checked.
    const hit = await http().post(`/api/v1/invitations/${token}/accept`).set(from(ip)).send({ password: PASSWORD }).expect(429);
    expect(hit.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(hit.body.accessToken).toBeUndefined();
    // Same keys as login: the attacker cannot switch endpoints for ten more guesses.
    await http().post('/api/v1/auth/login').set(from(ip)).send({ email: victim.user.email, password: 'one-more-guess' }).expect(429);
    // The victim still signs in from their own address.
    await http().post('/api/v1/auth/login').set(from('198.51.100.60')).send({ email: victim.user.email, password: PASSWORD }).expect(200);
  });

  it('should hold under 30 parallel wrong passwords too', async () => {
    const { token } = await inviteVictim();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => http().post(`/api/v1/invitations/${token}/accept`).set(from('203.0.113.51')).send({ password: `guess-${i}-wrong` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('should still let the invited user accept with their password from their own address', async () => {
    const { victim, token } = await inviteVictim();
    await http().post(`/api/v1/invitations/${token}/accept`).set(from('203.0.113.52')).send({ password: 'wrong-password' }).expect(401);
    const ok = await http().post(`/api/v1/invitations/${token}/accept`).set(from('198.51.100.61')).send({ password: PASSWORD }).expect(200);
    expect(ok.body).toMatchObject({ role: 'agent', user: { id: victim.user.id } });
  });
});
