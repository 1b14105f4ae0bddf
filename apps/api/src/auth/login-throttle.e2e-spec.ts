import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { PASSWORD, signup } from '../../test/factories/users.factory.js';

const MAX = 3; // LOGIN_MAX_ATTEMPTS for this file
const LOGIN = '/api/v1/auth/login';
// The test app trusts loopback proxies (TRUST_PROXY default), so X-Forwarded-For is each client's address.
const from = (ip: string) => ({ 'X-Forwarded-For': ip });
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('login throttle (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const login = (ip: string, email: string, password: string) => http().post(LOGIN).set(from(ip)).send({ email, password });

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS: String(MAX) });
  });
  afterAll(async () => t.close());

  it('should check at most LOGIN_MAX_ATTEMPTS passwords for 40 parallel bad logins, and still let the real user in from elsewhere', async () => {
    const s = await signup(t.app);
    const attacker = '203.0.113.7';
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => login(attacker, s.user.email, `guess-${i}-wrong`)));
    // Only a checked password can answer 401; every other attempt was refused before argon2 ran.
    expect(tally(results.map((r) => r.status))).toEqual({ 401: MAX, 429: 40 - MAX });
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.retryAfterSeconds).toBe(Number(refused.headers['retry-after']));

    // The attacker's address is refused even with the right password (it is not checked)...
    await login(attacker, s.user.email, PASSWORD).expect(429);
    // ...but the real user, from their own address, is not locked out by a stranger.
    const ok = await login('198.51.100.20', s.user.email, PASSWORD).expect(200);
    expect(ok.body.user.email).toBe(s.user.email);
  });

  it('should count the IPv6 addresses of one /64 as one client, and other /64s apart', async () => {
    const s = await signup(t.app);
    for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:abcd::9']) {
      await login(ip, s.user.email, 'wrong-password').expect(401);
    }
    await login('2001:db8:1:2:ffff:ffff:ffff:ffff', s.user.email, PASSWORD).expect(429);
    // The next /64 over is another client: its password is checked.
    await login('2001:db8:1:3::1', s.user.email, 'wrong-password').expect(401);
    await login('2001:db8:1:3::1', s.user.email, PASSWORD).expect(200);
  });

  it('should refuse one /64 spraying many accounts after ten times LOGIN_MAX_ATTEMPTS failures', async () => {
    const victims = await Promise.all(Array.from({ length: 11 }, () => signup(t.app)));
    let n = 0;
    for (const v of victims.slice(0, 10)) {
      for (let i = 0; i < MAX; i++) await login(`2001:db8:77:1::${(n++).toString(16)}`, v.user.email, 'wrong-password').expect(401);
    }
    const last = victims[10]!.user.email;
    const res = await login('2001:db8:77:1:ffff::1', last, 'wrong-password').expect(429);
    expect(res.body.code).toBe('TOO_MANY_ATTEMPTS');
    await login('2001:db8:77:2::1', last, PASSWORD).expect(200);
  });

  it('should slow an account down progressively under a distributed attack, never locking its user out', async () => {
    const s = await signup(t.app);
    const home = '192.0.2.10';
    await login(home, s.user.email, PASSWORD).expect(200); // a network this user has signed in from

    // Two attacker networks use their full allowance: 2 × LOGIN_MAX_ATTEMPTS checked passwords.
    for (const ip of ['203.0.113.101', '203.0.113.102']) {
      for (let i = 0; i < MAX; i++) await login(ip, s.user.email, `guess-${ip}-${i}`).expect(401);
    }
    // From now on the account allows one check per growing interval, from unknown networks.
    const slowed = await login('203.0.113.103', s.user.email, 'guess-3').expect(429);
    expect(slowed.headers['retry-after']).toBe('1');
    await sleep(1100);
    await login('203.0.113.103', s.user.email, 'guess-4').expect(401);
    const slower = await login('203.0.113.104', s.user.email, 'guess-5').expect(429);
    expect(Number(slower.headers['retry-after'])).toBe(2);

    // The real user on a new network is slowed like anyone (told how long to wait)...
    const newPlace = await login('198.51.100.30', s.user.email, PASSWORD).expect(429);
    expect(Number(newPlace.headers['retry-after'])).toBeGreaterThan(0);
    // ...but from a network they signed in from before, the slow-down does not apply at all.
    await login(home, s.user.email, PASSWORD).expect(200);
    // Their success ends the slow-down everywhere.
    await login('198.51.100.30', s.user.email, PASSWORD).expect(200);
  });

  it('should not let successful logins from one address use up its allowance (shared offices)', async () => {
    const office = '192.0.2.200';
    const users = await Promise.all(Array.from({ length: 3 }, () => signup(t.app)));
    // Ten times LOGIN_MAX_ATTEMPTS sign-ins succeed from one address, then a bad one is still checked.
    for (let i = 0; i < 10 * MAX + 1; i++) await login(office, users[i % 3]!.user.email, PASSWORD).expect(200);
    await login(office, users[0]!.user.email, 'wrong-password').expect(401);
  });
});
