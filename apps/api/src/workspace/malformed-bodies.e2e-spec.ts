import type { InvitationView } from '@ringtonic/contracts';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, memberWithRole, PASSWORD, signup, type SignedUp, uniqueEmail } from '../../test/factories/users.factory.js';

/** The 400 body every validation failure answers with: the shared shape and the messages. */
function expectBadRequest(res: request.Response, messages: Array<string | ReturnType<typeof expect.stringContaining>>) {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
  expect(([] as string[]).concat(res.body.message)).toEqual(expect.arrayContaining(messages));
}

describe('malformed bodies and unknown fields (e2e)', () => {
  let t: TestApp;
  let s: SignedUp;
  let ws: string;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    s = await signup(t.app);
    ws = `/api/v1/workspaces/${s.workspace.id}`;
  });
  afterAll(async () => t.close());

  it('should answer 400 with messages for a malformed login', async () => {
    const res = await http().post('/api/v1/auth/login').send({ email: 'nobody', password: 42, remember: true });
    expectBadRequest(res, ['email must be a valid email address', 'password must be a string', 'property remember should not exist']);
    expectBadRequest(await http().post('/api/v1/auth/login').send({}), ['email must be a valid email address', expect.stringContaining('password')]);
  });

  it('should answer 400 with messages for a malformed new workspace, and create none', async () => {
    const before = (await http().get('/api/v1/me').set(bearer(s.accessToken)).expect(200)).body.memberships.length;
    expectBadRequest(await http().post('/api/v1/workspaces').set(bearer(s.accessToken)).send({ name: '', plan: 'agency' }), [
      'name must be longer than or equal to 1 characters',
      'property plan should not exist',
    ]);
    expectBadRequest(await http().post('/api/v1/workspaces').set(bearer(s.accessToken)).send({ name: ['x'] }), ['name must be a string']);
    expect((await http().get('/api/v1/me').set(bearer(s.accessToken)).expect(200)).body.memberships).toHaveLength(before);
  });

  it('should answer 400 with messages for a bad role or an unknown field on a member, and keep the role', async () => {
    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    const member = `${ws}/members/${agent.userId}`;
    expectBadRequest(await http().patch(member).set(bearer(s.accessToken)).send({ role: 'boss' }), [expect.stringContaining('role must be one of the following values')]);
    expectBadRequest(await http().patch(member).set(bearer(s.accessToken)).send({ role: 'admin', isOwner: true }), ['property isOwner should not exist']);
    expectBadRequest(await http().patch(member).set(bearer(s.accessToken)).send({}), [expect.stringContaining('role must be one of the following values')]);
    const members = (await http().get(`${ws}/members`).set(bearer(s.accessToken)).expect(200)).body.items;
    expect(members).toEqual(expect.arrayContaining([expect.objectContaining({ userId: agent.userId, role: 'agent' })]));
  });

  it('should answer 400 with messages for a malformed API key, and create none', async () => {
    expectBadRequest(await http().post(`${ws}/api-keys`).set(bearer(s.accessToken)).send({}), ['name must be a string']);
    expectBadRequest(await http().post(`${ws}/api-keys`).set(bearer(s.accessToken)).send({ name: 'x'.repeat(81) }), [
      'name must be shorter than or equal to 80 characters',
    ]);
    expectBadRequest(await http().post(`${ws}/api-keys`).set(bearer(s.accessToken)).send({ name: 'k', role: 'owner', key: 'rt_mine' }), [
      'property role should not exist',
      'property key should not exist',
    ]);
    expect((await http().get(`${ws}/api-keys`).set(bearer(s.accessToken)).expect(200)).body.items).toEqual([]);
  });

  it('should answer 400 with messages for a malformed invitation acceptance, and keep it pending', async () => {
    const inv = (await http().post(`${ws}/invitations`).set(bearer(s.accessToken)).send({ email: uniqueEmail(), role: 'agent' }).expect(201)).body as InvitationView;
    const accept = `/api/v1/invitations/${inv.acceptUrl!.split('/invite/')[1]}/accept`;
    expectBadRequest(await http().post(accept).send({ name: 'X', password: PASSWORD, role: 'owner' }), ['property role should not exist']);
    expectBadRequest(await http().post(accept).send({ name: '', password: 12345678 }), [
      'name must be longer than or equal to 1 characters',
      'password must be a string',
    ]);
    const outbox = (await http().get(`${ws}/invitations`).set(bearer(s.accessToken)).expect(200)).body.items as InvitationView[];
    expect(outbox.find((i) => i.id === inv.id)?.status).toBe('pending');
  });

  it.each([
    ['POST', '/api/v1/auth/login'],
    ['POST', '/api/v1/workspaces'],
    ['PATCH', 'WS'],
    ['POST', 'WS/api-keys'],
    ['PATCH', 'WS/members/00000000-0000-4000-8000-000000000000'],
  ])('should answer 400 (not 500) with a message for a body that is not JSON on %s %s', async (method, path) => {
    const url = path.replace('WS', ws);
    const req = method === 'POST' ? http().post(url) : http().patch(url);
    const res = await req.set(bearer(s.accessToken)).set('Content-Type', 'application/json').send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(String(res.body.message)).toMatch(/JSON/i);
  });
});
