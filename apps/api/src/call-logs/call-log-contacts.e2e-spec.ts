import type { CallLogView } from '@ringtonic/contracts';
import request from 'supertest';
import { aCallLog } from '../../test/factories/call-logs.factory.js';
import { bearer, memberWithRole, signup, type SignedUp } from '../../test/factories/users.factory.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/** A role that may read call logs but not contacts must not read the CRM record through a call log. */
describe('call logs for a role without contacts.view (e2e)', () => {
  let t: TestApp;
  let s: SignedUp;
  let contactId: string;
  let callId: string;
  const http = () => request(t.app.getHttpServer());
  const ws = (path: string) => `/api/v1/workspaces/${s.workspace.id}${path}`;
  const toggles = (permissions: Record<string, boolean>) => http().patch(ws('/')).set(bearer(s.accessToken)).send({ permissions }).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    s = await signup(t.app);
    const contact = await http().post(ws('/contacts')).set(bearer(s.accessToken)).send({ phone: '2125557001', name: 'Dana Secret', company: 'Hidden Corp', leadStatus: 'qualified' }).expect(201);
    contactId = contact.body.id as string;
    callId = await aCallLog(t.app, { workspaceId: s.workspace.id, contactId, direction: 'inbound', from: '+12125557001', to: '+14155550100' });
  });
  afterAll(async () => t.close());

  it('should leave out the contact for a member and a manager when they may not view contacts, keeping the call\'s own numbers', async () => {
    const member = await memberWithRole(t.app, s.workspace.id, 'member');
    const manager = await memberWithRole(t.app, s.workspace.id, 'manager');
    // With contacts.view (the defaults) both see who called.
    for (const who of [member, manager]) {
      const seen = (await http().get(ws(`/call-logs/${callId}`)).set(bearer(who.token)).expect(200)).body as CallLogView;
      expect(seen.contact).toMatchObject({ id: contactId, name: 'Dana Secret', leadStatus: 'qualified' });
    }

    await toggles({ memberViewContacts: false, managerViewContacts: false, memberViewCallLogs: true, managerViewCallLogs: true });
    for (const who of [member, manager]) {
      await http().get(ws(`/contacts/${contactId}`)).set(bearer(who.token)).expect(403);
      const one = await http().get(ws(`/call-logs/${callId}`)).set(bearer(who.token)).expect(200);
      const list = await http().get(ws('/call-logs')).set(bearer(who.token)).expect(200);
      const byContact = await http().get(ws('/call-logs')).query({ contactId }).set(bearer(who.token)).expect(200);
      for (const log of [one.body, ...list.body.items, ...byContact.body.items] as CallLogView[]) {
        expect(log.contact).toBeNull();
        expect(log).toMatchObject({ id: callId, from: '+12125557001', to: '+14155550100', direction: 'inbound' });
      }
      for (const body of [one.text, list.text, byContact.text]) for (const secret of ['Dana Secret', 'Hidden Corp', contactId]) expect(body).not.toContain(secret);
      // The contact's timeline and totals are the CRM record's: refused.
      const calls = await http().get(ws(`/contacts/${contactId}/calls`)).set(bearer(who.token)).expect(403);
      expect(calls.body.code).toBe('FORBIDDEN');
      await http().get(ws(`/contacts/${contactId}/stats`)).set(bearer(who.token)).expect(403);
    }

    // The owner still sees everything.
    const owner = (await http().get(ws(`/call-logs/${callId}`)).set(bearer(s.accessToken)).expect(200)).body as CallLogView;
    expect(owner.contact).toMatchObject({ id: contactId, name: 'Dana Secret' });
    await http().get(ws(`/contacts/${contactId}/calls`)).set(bearer(s.accessToken)).expect(200);

    // Turned back on: the contact shows again.
    await toggles({ memberViewContacts: true });
    expect((await http().get(ws(`/call-logs/${callId}`)).set(bearer(member.token)).expect(200)).body.contact).toMatchObject({ name: 'Dana Secret' });
  });
});
