import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, memberWithRole, signup } from '../../test/factories/users.factory.js';
import { aCallLog } from '../../test/factories/call-logs.factory.js';
import { ContactsService } from './contacts.service.js';

describe('contacts (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const base = (ws: string) => `/api/v1/workspaces/${ws}/contacts`;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each([
    ['(212) 555-1234', '+12125551234', '(212) 555-1234'],
    ['212.555.1234', '+12125551234', '(212) 555-1234'],
    ['+44 20 7946 0958', '+442079460958', '+44 20 7946 0958'],
  ])('should normalise %s to E.164 when a US workspace creates a contact', async (raw, e164, formatted) => {
    const s = await signup(t.app);
    const res = await http().post(base(s.workspace.id)).set(bearer(s.accessToken)).send({ phone: raw, name: 'John' }).expect(201);
    expect(res.body).toMatchObject({ phone: e164, phoneFormatted: formatted, name: 'John', leadStatus: 'new', source: 'manual', callCount: 0, tags: [] });
  });

  it('should refuse a phone that is too short with a message saying why', async () => {
    const s = await signup(t.app);
    const res = await http().post(base(s.workspace.id)).set(bearer(s.accessToken)).send({ phone: '12' }).expect(400);
    expect(res.body.code).toBe('INVALID_PHONE');
    expect(res.body.message).toMatch(/"12" is too short/);
  });

  it('should answer 409 with the existing contact id when the phone exists in any format', async () => {
    const s = await signup(t.app);
    const first = await http().post(base(s.workspace.id)).set(bearer(s.accessToken)).send({ phone: '(212) 555-1234' }).expect(201);
    const dup = await http().post(base(s.workspace.id)).set(bearer(s.accessToken)).send({ phone: '+1 212-555-1234' }).expect(409);
    expect(dup.body).toMatchObject({ code: 'CONTACT_EXISTS', existingContactId: first.body.id });
  });

  it('should validate every field and refuse unknown ones with 400', async () => {
    const s = await signup(t.app);
    const url = base(s.workspace.id);
    for (const body of [
      {},
      { phone: '2125551234', email: 'not-an-email' },
      { phone: '2125551234', leadStatus: 'hot' },
      { phone: '2125551234', dealValueCents: 12.5 },
      { phone: '2125551234', dealValueCents: -1 },
      { phone: '2125551234', tags: ['x'.repeat(51)] },
      { phone: '2125551234', nextFollowUpAt: 'tomorrow' },
      { phone: '2125551234', workspaceId: s.workspace.id },
      { phone: '2125551234', leadStatus: null },
      { phone: '2125551234', tags: null },
      { phone: null },
    ]) {
      const res = await http().post(url).set(bearer(s.accessToken)).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
  });

  it('should get, patch and delete a contact, keeping its call logs when it is deleted', async () => {
    const s = await signup(t.app);
    const created = await http()
      .post(base(s.workspace.id))
      .set(bearer(s.accessToken))
      .send({ phone: '2125551234', name: 'John', tags: ['VIP', ' VIP ', 'Enterprise'], dealValueCents: 500000 })
      .expect(201);
    expect(created.body.tags).toEqual(['VIP', 'Enterprise']);
    const url = `${base(s.workspace.id)}/${created.body.id}`;
    const patched = await http()
      .patch(url)
      .set(bearer(s.accessToken))
      .send({ company: 'Acme', email: 'JOHN@example.com', leadStatus: 'qualified', nextFollowUpAt: '2030-01-02T15:00:00Z', name: '' })
      .expect(200);
    expect(patched.body).toMatchObject({ company: 'Acme', leadStatus: 'qualified', nextFollowUpAt: '2030-01-02T15:00:00.000Z', name: null, dealValueCents: 500000 });
    await http().get(url).set(bearer(s.accessToken)).expect(200);
    for (const body of [{ phone: null }, { leadStatus: null }, { tags: null }, { email: 'x' }]) {
      const res = await http().patch(url).set(bearer(s.accessToken)).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }

    const callId = await aCallLog(t.app, { workspaceId: s.workspace.id, contactId: created.body.id, agentUserId: s.user.id });
    expect((await http().get(url).set(bearer(s.accessToken))).body).toMatchObject({ callCount: 1, lastContactAt: expect.any(String) });
    await http().delete(url).set(bearer(s.accessToken)).expect(204);
    await http().get(url).set(bearer(s.accessToken)).expect(404);
    const log = await http().get(`/api/v1/workspaces/${s.workspace.id}/call-logs/${callId}`).set(bearer(s.accessToken)).expect(200);
    expect(log.body).toMatchObject({ contact: null, to: '+12125550199' });
  });

  it('should answer 409 when a patch moves a contact onto another contact\'s phone', async () => {
    const s = await signup(t.app);
    const a = await http().post(base(s.workspace.id)).set(bearer(s.accessToken)).send({ phone: '2125551111' }).expect(201);
    const b = await http().post(base(s.workspace.id)).set(bearer(s.accessToken)).send({ phone: '2125552222' }).expect(201);
    const res = await http().patch(`${base(s.workspace.id)}/${b.body.id}`).set(bearer(s.accessToken)).send({ phone: '(212) 555-1111' }).expect(409);
    expect(res.body.existingContactId).toBe(a.body.id);
  });

  it('should answer 404 for another workspace\'s contact and for ids that are not uuids', async () => {
    const a = await signup(t.app);
    const b = await signup(t.app);
    const theirs = await http().post(base(b.workspace.id)).set(bearer(b.accessToken)).send({ phone: '2125551234' }).expect(201);
    await http().get(`${base(a.workspace.id)}/${theirs.body.id}`).set(bearer(a.accessToken)).expect(404);
    await http().patch(`${base(a.workspace.id)}/${theirs.body.id}`).set(bearer(a.accessToken)).send({ name: 'x' }).expect(404);
    await http().delete(`${base(a.workspace.id)}/${theirs.body.id}`).set(bearer(a.accessToken)).expect(404);
    await http().get(`${base(a.workspace.id)}/not-a-uuid`).set(bearer(a.accessToken)).expect(404);
    await http().get(base(b.workspace.id)).set(bearer(a.accessToken)).expect(404);
    const bulk = await http().post(`${base(a.workspace.id)}/bulk`).set(bearer(a.accessToken)).send({ ids: [theirs.body.id], action: 'delete' }).expect(200);
    expect(bulk.body.affected).toBe(0);
  });

  it('should follow the permission matrix and its toggles', async () => {
    const s = await signup(t.app);
    const url = base(s.workspace.id);
    const manager = await memberWithRole(t.app, s.workspace.id, 'manager');
    const member = await memberWithRole(t.app, s.workspace.id, 'member');
    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    await http().post(url).set(bearer(agent.token)).send({ phone: '2125551234' }).expect(201);
    await http().get(url).set(bearer(manager.token)).expect(200);
    await http().post(url).set(bearer(manager.token)).send({ phone: '2125550000' }).expect(403);
    await http().post(url).set(bearer(member.token)).send({ phone: '2125550000' }).expect(403);
    await http().patch(`/api/v1/workspaces/${s.workspace.id}`).set(bearer(s.accessToken)).send({ permissions: { managerEditContacts: true, memberViewContacts: false } }).expect(200);
    await http().post(url).set(bearer(manager.token)).send({ phone: '2125550000' }).expect(201);
    await http().get(url).set(bearer(member.token)).expect(403);
  });

  it('should create a contact with source api through an API key', async () => {
    const s = await signup(t.app);
    const key = await http().post(`/api/v1/workspaces/${s.workspace.id}/api-keys`).set(bearer(s.accessToken)).send({ name: 'zap' }).expect(201);
    const res = await http().post(base(s.workspace.id)).set(bearer(key.body.key)).send({ phone: '2125551234' }).expect(201);
    expect(res.body.source).toBe('api');
  });

  it('should find or create one contact by phone when calls race', async () => {
    const s = await signup(t.app);
    const sut = t.app.get(ContactsService);
    const results = await Promise.all(Array.from({ length: 8 }, () => sut.findOrCreateByPhone(s.workspace.id, '+12125559876', 'call')));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await http().get(`${base(s.workspace.id)}/${results[0]!.id}`).set(bearer(s.accessToken))).body.source).toBe('call');
    await expect(sut.normalisePhone(s.workspace.id, '212 555 9876')).resolves.toBe('+12125559876');
  });

  it('should suggest tags used on contacts and calls by prefix', async () => {
    const s = await signup(t.app);
    await http().post(base(s.workspace.id)).set(bearer(s.accessToken)).send({ phone: '2125551234', tags: ['Enterprise', 'VIP'] }).expect(201);
    await aCallLog(t.app, { workspaceId: s.workspace.id, tags: ['Ready to Buy', 'Entry'] });
    const res = await http().get(`/api/v1/workspaces/${s.workspace.id}/tags?prefix=ent`).set(bearer(s.accessToken)).expect(200);
    expect(res.body.items).toEqual(['Enterprise', 'Entry']);
    // API.md's list rule: ?limit= up to 200 (default 50).
    const one = await http().get(`/api/v1/workspaces/${s.workspace.id}/tags`).query({ prefix: 'ent', limit: 1 }).set(bearer(s.accessToken)).expect(200);
    expect(one.body.items).toEqual(['Enterprise']);
    await http().get(`/api/v1/workspaces/${s.workspace.id}/tags`).query({ limit: 201 }).set(bearer(s.accessToken)).expect(400);
  });
});
