import type { AuthResponse, MeResponse } from '@ringtonic/contracts';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, PASSWORD, signup, uniqueEmail } from '../../test/factories/users.factory.js';

const cookieOf = (res: request.Response): string =>
  (([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '').split(';')[0]!;

describe('auth (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3' });
  });
  afterAll(async () => t.close());

  it('should create an indie workspace owned by the caller when signing up', async () => {
    const s = await signup(t.app, { workspaceName: 'Acme Calls' });
    expect(s.workspace).toMatchObject({ name: 'Acme Calls', plan: 'indie' });
    const me = await http().get('/api/v1/me').set(bearer(s.accessToken)).expect(200);
    expect((me.body as MeResponse).memberships).toEqual([
      expect.objectContaining({ workspaceId: s.workspace.id, workspaceName: 'Acme Calls', role: 'owner' }),
    ]);
    expect(JSON.stringify(me.body)).not.toContain('password');
  });

  it('should set an httpOnly refresh cookie scoped to the auth routes when signing up', async () => {
    const email = uniqueEmail();
    const res = await http().post('/api/v1/auth/signup').send({ email, password: PASSWORD, name: 'N', workspaceName: 'W' }).expect(201);
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '';
    expect(raw).toMatch(/^rt_refresh=/);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/Path=\/api\/v1\/auth/);
  });

  it('should refuse a second signup with the same email (any case) with 409', async () => {
    const s = await signup(t.app);
    const res = await http()
      .post('/api/v1/auth/signup')
      .send({ email: s.user.email.toUpperCase(), password: PASSWORD, name: 'X', workspaceName: 'Y' })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN' });
  });

  it('should log in with the right password and refuse a wrong one with 401', async () => {
    const s = await signup(t.app);
    const ok = await http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD }).expect(200);
    expect((ok.body as AuthResponse).user.email).toBe(s.user.email);
    await http().get('/api/v1/me').set(bearer((ok.body as AuthResponse).accessToken)).expect(200);
    const bad = await http().post('/api/v1/auth/login').send({ email: s.user.email, password: 'wrong password' }).expect(401);
    expect(bad.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Email or password is incorrect' });
    await http().post('/api/v1/auth/login').send({ email: uniqueEmail(), password: 'whatever1' }).expect(401);
  });

  it('should answer 429 after LOGIN_MAX_ATTEMPTS failures, even for the right password', async () => {
    const s = await signup(t.app);
    for (let i = 0; i < 3; i++) {
      await http().post('/api/v1/auth/login').send({ email: s.user.email, password: `nope-${i}-xx` }).expect(401);
    }
    const res = await http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD }).expect(429);
    expect(res.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });

  it('should rotate the refresh cookie and refuse the old one, revoking the family, when refreshing', async () => {
    const s = await signup(t.app);
    const first = await http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(200);
    const rotated = cookieOf(first);
    expect(rotated).toMatch(/^rt_refresh=/);
    expect(rotated).not.toBe(s.cookie);
    await http().get('/api/v1/me').set(bearer((first.body as AuthResponse).accessToken)).expect(200);

    // Reusing the old cookie is treated as theft: the whole family ends.
    await http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(401);
    await http().post('/api/v1/auth/refresh').set('Cookie', rotated).expect(401);
    await http().get('/api/v1/me').set(bearer((first.body as AuthResponse).accessToken)).expect(401);
  });

  it('should refuse refresh without a cookie with 401', async () => {
    const res = await http().post('/api/v1/auth/refresh').expect(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('should end the session when logging out: refresh and the access token stop working', async () => {
    const s = await signup(t.app);
    await http().post('/api/v1/auth/logout').set('Cookie', s.cookie).set(bearer(s.accessToken)).expect(204);
    await http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(401);
    await http().get('/api/v1/me').set(bearer(s.accessToken)).expect(401);
  });

  it('should answer 401 for /me without a token or with a forged one', async () => {
    await http().get('/api/v1/me').expect(401);
    const s = await signup(t.app);
    const [h, p] = s.accessToken.split('.');
    await http().get('/api/v1/me').set(bearer(`${h}.${p}.forgedsignature`)).expect(401);
  });

  it('should answer 400 with every message for malformed signup bodies and unknown fields', async () => {
    const res = await http()
      .post('/api/v1/auth/signup')
      .send({ email: 'not-an-email', password: 'short', name: '', isAdmin: true })
      .expect(400);
    const messages = (res.body as { message: string[] }).message;
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    expect(messages).toEqual(
      expect.arrayContaining([
        'email must be a valid email address',
        'password must be at least 8 characters',
        'property isAdmin should not exist',
        expect.stringContaining('workspaceName'),
      ]),
    );
  });

  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded'],
    ['text/plain', 'text/plain'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('should refuse a %s login with 415 (no login CSRF from a plain HTML form)', async (_label, type) => {
    const s = await signup(t.app);
    const body = type.startsWith('multipart')
      ? `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${s.user.email}\r\n--x\r\nContent-Disposition: form-data; name="password"\r\n\r\n${PASSWORD}\r\n--x--\r\n`
      : type === 'text/plain'
        ? JSON.stringify({ email: s.user.email, password: PASSWORD })
        : new URLSearchParams({ email: s.user.email, password: PASSWORD }).toString();
    const res = await http().post('/api/v1/auth/login').set('Content-Type', type).send(body).expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(res.headers['set-cookie']).toBeUndefined();
    await http().post('/api/v1/auth/signup').set('Content-Type', type).send(body).expect(415);
    // JSON still works, and body-less POSTs (refresh, logout) need no content type.
    await http().post('/api/v1/auth/login').send({ email: s.user.email, password: PASSWORD }).expect(200);
    await http().post('/api/v1/auth/refresh').set('Cookie', s.cookie).expect(200);
  });

  it('should refuse a form-encoded invitation acceptance with 415', async () => {
    const s = await signup(t.app);
    const inv = await http().post(`/api/v1/workspaces/${s.workspace.id}/invitations`).set(bearer(s.accessToken)).send({ email: uniqueEmail(), role: 'agent' }).expect(201);
    const token = (inv.body as { acceptUrl: string }).acceptUrl.split('/invite/')[1]!;
    await http().post(`/api/v1/invitations/${token}/accept`).type('form').send({ name: 'Forged', password: PASSWORD }).expect(415);
    await http().get(`/api/v1/invitations/${token}`).expect(200);
  });

  it('should answer 400 (not 500) for a body that is not JSON', async () => {
    const res = await http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});
