import type { AuthResponse } from '@ringtonic/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, signup } from '../../test/factories/users.factory.js';

const DAY = 86_400_000;
const setCookieOf = (res: request.Response): string => ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '';
const cookieOf = (res: request.Response): string => setCookieOf(res).split(';')[0]!;

describe('absolute session lifetime (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  const http = () => request(t.app.getHttpServer());
  /** Moves the session's login time back, as if the user had signed in `days` ago. */
  const signedInDaysAgo = (accessToken: string, days: number) => {
    const fam = (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { fam: string }).fam;
    return db.query(`UPDATE refresh_sessions SET authenticated_at = now() - make_interval(days => $2) WHERE family_id = $1`, [fam, days]);
  };

  beforeAll(async () => {
    t = await createTestApp({ SESSION_MAX_DAYS: '30' });
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  it('should refuse to refresh a session signed in more than SESSION_MAX_DAYS ago, however often it rotated', async () => {
    const s = await signup(t.app);
    // Rotating keeps the session alive within its lifetime...
    let cookie = s.cookie;
    for (let i = 0; i < 3; i++) cookie = cookieOf(await http().post('/api/v1/auth/refresh').set('Cookie', cookie).expect(200));
    const rotated = await http().post('/api/v1/auth/refresh').set('Cookie', cookie).expect(200);
    cookie = cookieOf(rotated);

    // ...but not past 30 days from the login: the refresh is refused and the access token stops.
    await signedInDaysAgo(s.accessToken, 31);
    const refused = await http().post('/api/v1/auth/refresh').set('Cookie', cookie).expect(401);
    expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    await http().get('/api/v1/me').set(bearer((rotated.body as AuthResponse).accessToken)).expect(401);
  });

  it('should keep the login time through rotations and cap the new cookie at the session end', async () => {
    const s = await signup(t.app);
    await signedInDaysAgo(s.accessToken, 29);
    const res = await http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(200);
    const body = res.body as AuthResponse;
    const end = Date.now() + DAY; // signed in 29 days ago: one day left
    const expires = Date.parse(/Expires=([^;]+)/.exec(setCookieOf(res))![1]!);
    expect(Math.abs(expires - end)).toBeLessThan(60_000);
    expect(Date.parse(body.expiresAt)).toBeLessThanOrEqual(end + 60_000);

    const rows = (await db.query(
      `SELECT DISTINCT date_trunc('milliseconds', authenticated_at) FROM refresh_sessions WHERE user_id = $1`,
      [s.user.id],
    )) as unknown[];
    expect(rows).toHaveLength(1);
    await http().get('/api/v1/me').set(bearer(body.accessToken)).expect(200);
  });
});
