import type { CallLogView } from '@ringtonic/contracts';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { aCallLog } from '../../test/factories/call-logs.factory.js';
import { bearer, memberWithRole, signup, type SignedUp } from '../../test/factories/users.factory.js';
import { DataSource } from 'typeorm';

const DAY_MS = 86_400_000;
/** Monday 00:00 UTC of the calendar week holding `d` (the reports page's "this week"/"last week" presets). */
const weekStart = (d: Date) => {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
};

describe('call logs (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const ws = (s: SignedUp, path: string) => `/api/v1/workspaces/${s.workspace.id}${path}`;
  const contact = async (s: SignedUp, phone = '2125551234') =>
    (await http().post(ws(s, '/contacts')).set(bearer(s.accessToken)).send({ phone, name: 'John' }).expect(201)).body as { id: string };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should keep agent A\'s qualification (a call 3 h ago) in the report after agent B junks the lead on a later call (1 h ago)', async () => {
    const s = await signup(t.app);
    const agentA = await memberWithRole(t.app, s.workspace.id, 'agent');
    const agentB = await memberWithRole(t.app, s.workspace.id, 'agent');
    const john = await contact(s);
    // 3 h ago: A's call, qualified with a deal value now (within its 24 h) → the contact becomes qualified.
    const aCall = await aCallLog(t.app, { workspaceId: s.workspace.id, contactId: john.id, agentUserId: agentA.userId, hoursAgo: 3, durationSeconds: 300 });
    const qualified = await http()
      .patch(ws(s, `/call-logs/${aCall}`))
      .set(bearer(agentA.token))
      .send({ leadStatus: 'qualified', dealValueCents: 500000, notes: 'Wants the premium plan' })
      .expect(200);
    expect(qualified.body).toMatchObject({ leadStatus: 'qualified', dealValueCents: 500000, contactUpdated: true, qualifiedBy: { userId: agentA.userId } });
    expect((await http().get(ws(s, `/contacts/${john.id}`)).set(bearer(s.accessToken))).body.leadStatus).toBe('qualified');

    // 1 h ago: B's call on the same contact, marked junk → the contact becomes junk.
    const bCall = await aCallLog(t.app, { workspaceId: s.workspace.id, contactId: john.id, agentUserId: agentB.userId, hoursAgo: 1, direction: 'inbound', durationSeconds: 60 });
    await http().patch(ws(s, `/call-logs/${bCall}`)).set(bearer(agentB.token)).send({ leadStatus: 'junk' }).expect(200);
    expect((await http().get(ws(s, `/contacts/${john.id}`)).set(bearer(s.accessToken))).body.leadStatus).toBe('junk');

    // The last seven days' report still credits A with the qualified call and its revenue.
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const report = await http().get(ws(s, '/reports/agents')).query({ from, to: new Date(Date.now() + 60_000).toISOString() }).set(bearer(s.accessToken)).expect(200);
    const row = (userId: string) => report.body.items.find((r: { userId: string }) => r.userId === userId);
    expect(row(agentA.userId)).toMatchObject({ callsMade: 1, callsAnswered: 0, talkSeconds: 300, qualifiedCalls: 1, attributedRevenueCents: 500000 });
    expect(row(agentB.userId)).toMatchObject({ callsMade: 0, callsAnswered: 1, talkSeconds: 60, qualifiedCalls: 0, attributedRevenueCents: 0 });
    expect(row(s.user.id)).toMatchObject({ callsMade: 0, qualifiedCalls: 0 });
    expect(report.body.items[0].userId).toBe(agentA.userId);
    const aLog = await http().get(ws(s, `/call-logs/${aCall}`)).set(bearer(s.accessToken)).expect(200);
    expect(aLog.body).toMatchObject({ leadStatus: 'qualified', contact: { id: john.id, leadStatus: 'junk' } });
  });

  it('should credit agent A in the calendar week of A\'s call qualified 26 h ago, after agent B junks the lead on a call 1 h ago', async () => {
    const s = await signup(t.app);
    const agentA = await memberWithRole(t.app, s.workspace.id, 'agent');
    const agentB = await memberWithRole(t.app, s.workspace.id, 'agent');
    // 26 h ago: A's call, qualified (with its deal value) ten minutes after it started, which made the contact qualified
    // (seeded: a PATCH now would be past the call's 24 h and leave the contact alone).
    const john = (await http().post(ws(s, '/contacts')).set(bearer(s.accessToken)).send({ phone: '2125551234', name: 'John', leadStatus: 'qualified' }).expect(201)).body as { id: string };
    const aCall = await aCallLog(t.app, {
      workspaceId: s.workspace.id, contactId: john.id, agentUserId: agentA.userId, hoursAgo: 26, durationSeconds: 300, leadStatus: 'qualified', dealValueCents: 500000,
    });
    await t.app.get(DataSource).query(`UPDATE call_logs SET qualified_at = started_at + interval '10 minutes', qualified_by_user_id = $2 WHERE id = $1`, [aCall, agentA.userId]);
    // 1 h ago: B's call, marked junk now → the contact becomes junk; A's log keeps its snapshot.
    const bCall = await aCallLog(t.app, { workspaceId: s.workspace.id, contactId: john.id, agentUserId: agentB.userId, hoursAgo: 1, direction: 'inbound', durationSeconds: 60 });
    await http().patch(ws(s, `/call-logs/${bCall}`)).set(bearer(agentB.token)).send({ leadStatus: 'junk' }).expect(200);
    expect((await http().get(ws(s, `/contacts/${john.id}`)).set(bearer(s.accessToken))).body.leadStatus).toBe('junk');

    // The calendar week holding A's call (this week, or last week when today is the start of a new one).
    const from = weekStart(new Date(Date.now() - 26 * 3600_000));
    const report = await http()
      .get(ws(s, '/reports/agents'))
      .query({ from: from.toISOString(), to: new Date(from.getTime() + 7 * DAY_MS).toISOString() })
      .set(bearer(s.accessToken))
      .expect(200);
    const credited = (report.body.items as Array<{ userId: string; qualifiedCalls: number }>).filter((r) => r.qualifiedCalls > 0);
    expect(credited).toEqual([expect.objectContaining({ userId: agentA.userId, callsMade: 1, qualifiedCalls: 1, attributedRevenueCents: 500000 })]);
    expect(report.body.items[0].userId).toBe(agentA.userId);
    expect((await http().get(ws(s, `/call-logs/${aCall}`)).set(bearer(s.accessToken)).expect(200)).body).toMatchObject({
      leadStatus: 'qualified', dealValueCents: 500000, qualifiedBy: { userId: agentA.userId }, contact: { id: john.id, leadStatus: 'junk' },
    });
  });

  it('should leave the contact untouched when a call is qualified 25 hours after it', async () => {
    const s = await signup(t.app);
    const john = await contact(s);
    const old = await aCallLog(t.app, { workspaceId: s.workspace.id, contactId: john.id, agentUserId: s.user.id, hoursAgo: 25, durationSeconds: 60 });
    const before = await http().get(ws(s, `/call-logs/${old}`)).set(bearer(s.accessToken)).expect(200);
    expect(before.body.syncsContact).toBe(false);
    const res = await http().patch(ws(s, `/call-logs/${old}`)).set(bearer(s.accessToken)).send({ leadStatus: 'qualified', dealValueCents: 1000 }).expect(200);
    expect(res.body).toMatchObject({ leadStatus: 'qualified', contactUpdated: false });
    expect((await http().get(ws(s, `/contacts/${john.id}`)).set(bearer(s.accessToken))).body.leadStatus).toBe('new');
  });

  it('should list with filters and keyset pages, newest first', async () => {
    const s = await signup(t.app);
    const agent = await memberWithRole(t.app, s.workspace.id, 'agent');
    const john = await contact(s);
    const [spring, autumn] = (await t.app.get(DataSource).query(
      `INSERT INTO campaigns (workspace_id, name) VALUES ($1, 'Spring'), ($1, 'Autumn') RETURNING id`,
      [s.workspace.id],
    )) as Array<{ id: string }>;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(
        await aCallLog(t.app, {
          workspaceId: s.workspace.id,
          contactId: i % 2 ? john.id : null,
          agentUserId: i < 3 ? agent.userId : s.user.id,
          direction: i % 3 === 0 ? 'inbound' : 'outbound',
          answered: i !== 6,
          hoursAgo: i + 1,
          campaignId: i === 2 || i === 5 ? spring!.id : i === 4 ? autumn!.id : null,
        }),
      );
    }
    const list = async (query: Record<string, string | number | boolean>, token = s.accessToken) =>
      (await http().get(ws(s, '/call-logs')).query(query).set(bearer(token)).expect(200)).body as { items: CallLogView[]; nextCursor: string | null };
    const first = await list({ limit: 4 });
    expect(first.items.map((c) => c.id)).toEqual(ids.slice(0, 4));
    const second = await list({ limit: 4, cursor: first.nextCursor! });
    expect(second.items.map((c) => c.id)).toEqual(ids.slice(4));
    expect(second.nextCursor).toBeNull();
    expect((await list({ mine: true }, agent.token)).items.map((c) => c.id)).toEqual(ids.slice(0, 3));
    expect((await list({ agentId: agent.userId })).items).toHaveLength(3);
    expect((await list({ direction: 'inbound' })).items.map((c) => c.id)).toEqual([ids[0], ids[3], ids[6]]);
    expect((await list({ contactId: john.id })).items.map((c) => c.id)).toEqual([ids[1], ids[3], ids[5]]);
    expect((await list({ status: 'missed' })).items.map((c) => c.id)).toEqual([ids[6]]);
    expect((await list({ campaignId: spring!.id })).items.map((c) => c.id)).toEqual([ids[2], ids[5]]);
    expect((await list({ campaignId: autumn!.id, direction: 'outbound' })).items.map((c) => c.id)).toEqual([ids[4]]);
    expect((await list({ campaignId: '00000000-0000-4000-8000-000000000000' })).items).toEqual([]);
    const window = { from: new Date(Date.now() - 4.5 * 3600_000).toISOString(), to: new Date(Date.now() - 1.5 * 3600_000).toISOString() };
    expect((await list(window)).items.map((c) => c.id)).toEqual(ids.slice(1, 4));
    const one = first.items[1]!;
    expect(one).toMatchObject({ direction: 'outbound', contact: { id: john.id, name: 'John' }, agent: { userId: agent.userId, name: 'Test agent' }, fromFormatted: '(415) 555-0100' });

    for (const query of [{ direction: 'sideways' }, { mine: 'maybe' }, { from: 'yesterday' }, { agentId: 'x' }, { cursor: 'zzz' }, { limit: 500 }, { campaignId: 'spring' }]) {
      const res = await http().get(ws(s, '/call-logs')).query(query).set(bearer(s.accessToken));
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });

  it('should page a contact\'s calls and give its stats', async () => {
    const s = await signup(t.app);
    const john = await contact(s);
    for (let i = 0; i < 12; i++) await aCallLog(t.app, { workspaceId: s.workspace.id, contactId: john.id, hoursAgo: i + 1, durationSeconds: 60 * (i % 3), answered: i !== 11 });
    const page2 = await http().get(ws(s, `/contacts/${john.id}/calls`)).query({ page: 2, limit: 10 }).set(bearer(s.accessToken)).expect(200);
    expect(page2.body).toMatchObject({ total: 12, page: 2 });
    expect(page2.body.items).toHaveLength(2);
    // API.md's list defaults: 50 a page unless asked, at most 200.
    const all = await http().get(ws(s, `/contacts/${john.id}/calls`)).set(bearer(s.accessToken)).expect(200);
    expect(all.body.items).toHaveLength(12);
    await http().get(ws(s, `/contacts/${john.id}/calls`)).query({ limit: 200 }).set(bearer(s.accessToken)).expect(200);
    await http().get(ws(s, `/contacts/${john.id}/calls`)).query({ limit: 201 }).set(bearer(s.accessToken)).expect(400);
    const stats = await http().get(ws(s, `/contacts/${john.id}/stats`)).set(bearer(s.accessToken)).expect(200);
    expect(stats.body).toMatchObject({ totalCalls: 12, lastCallAt: expect.any(String), averageDurationSeconds: 55 });
  });

  it('should enforce call-log permissions and workspace isolation', async () => {
    const s = await signup(t.app);
    const other = await signup(t.app);
    const manager = await memberWithRole(t.app, s.workspace.id, 'manager');
    const id = await aCallLog(t.app, { workspaceId: s.workspace.id });
    await http().get(ws(s, `/call-logs/${id}`)).set(bearer(manager.token)).expect(200);
    await http().patch(ws(s, `/call-logs/${id}`)).set(bearer(manager.token)).send({ notes: 'x' }).expect(403);
    await http().get(`/api/v1/workspaces/${other.workspace.id}/call-logs/${id}`).set(bearer(other.accessToken)).expect(404);
    await http().patch(`/api/v1/workspaces/${other.workspace.id}/call-logs/${id}`).set(bearer(other.accessToken)).send({ notes: 'x' }).expect(404);
    await http().patch(ws(s, `/call-logs/${id}`)).set(bearer(s.accessToken)).send({ leadStatus: 'hot' }).expect(400);
    await http().patch(ws(s, `/call-logs/${id}`)).set(bearer(s.accessToken)).send({ contactId: id }).expect(400);
    await http().patch(ws(s, `/call-logs/${id}`)).set(bearer(s.accessToken)).send({ tags: null }).expect(400);
    await http().patch(ws(s, `/call-logs/${id}`)).set(bearer(s.accessToken)).send({ dealValueCents: 1.5 }).expect(400);
    const notes = await http().patch(ws(s, `/call-logs/${id}`)).set(bearer(s.accessToken)).send({ notes: 'Asked for a refund', tags: ['Needs Quote'] }).expect(200);
    expect(notes.body).toMatchObject({ notes: 'Asked for a refund', tags: ['Needs Quote'], contactUpdated: false });
    await http().patch(ws(s, '/')).set(bearer(s.accessToken)).send({ permissions: { managerViewCallLogs: false } }).expect(200);
    await http().get(ws(s, '/call-logs')).set(bearer(manager.token)).expect(403);
    await http().get(ws(s, '/reports/agents')).set(bearer(manager.token)).expect(403);
  });

  it('should sum the dashboard cards for a period', async () => {
    const s = await signup(t.app);
    await aCallLog(t.app, { workspaceId: s.workspace.id, direction: 'inbound', agentUserId: s.user.id, leadStatus: 'qualified', dealValueCents: 2500 });
    await aCallLog(t.app, { workspaceId: s.workspace.id, direction: 'inbound', answered: false });
    await aCallLog(t.app, { workspaceId: s.workspace.id, direction: 'outbound', agentUserId: s.user.id });
    await aCallLog(t.app, { workspaceId: s.workspace.id, direction: 'inbound', answered: false, status: 'ringing' }); // no outcome yet
    const res = await http().get(ws(s, '/reports/summary')).query({ from: new Date(Date.now() - 86_400_000).toISOString() }).set(bearer(s.accessToken)).expect(200);
    expect(res.body).toMatchObject({ totalCalls: 4, inboundCalls: 3, outboundCalls: 1, answeredInbound: 1, missedCalls: 1, answerRate: 0.5, qualifiedCalls: 1, revenueCents: 2500 });
    await http().get(ws(s, '/reports/summary')).query({ from: '2030-01-01T00:00:00Z', to: '2029-01-01T00:00:00Z' }).set(bearer(s.accessToken)).expect(400);
  });
});
