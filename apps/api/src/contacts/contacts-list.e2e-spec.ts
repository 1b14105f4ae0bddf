import type { ContactSort, ContactView } from '@ringtonic/contracts';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { aCallLog } from '../../test/factories/call-logs.factory.js';
import { bearer, signup, type SignedUp } from '../../test/factories/users.factory.js';
import { DataSource } from 'typeorm';
import { encodeCursor, findContactPage, type SearchTuning } from './contacts-query.js';

// Twelve contacts with gaps (NULL names, companies, deal values, never called) in every sortable column.
const PEOPLE = [
  { phone: '2125550101', name: 'Alice Adams', email: 'alice@acme.test', company: 'Acme', leadStatus: 'qualified', dealValueCents: 500000 },
  { phone: '2125550102', name: 'bob Brown', email: 'bob@globex.test', company: 'Globex', leadStatus: 'new', dealValueCents: 1000 },
  { phone: '2125550103', name: 'Carol Chen', email: 'carol@acme.test', company: null, leadStatus: 'contacted', dealValueCents: null },
  { phone: '2125550104', name: null, email: null, company: null, leadStatus: 'new', dealValueCents: null },
  { phone: '2125550105', name: 'Dave Diaz', email: 'dave@initech.test', company: 'Initech', leadStatus: 'junk', dealValueCents: 0 },
  { phone: '2125550106', name: 'Eve Evans', email: 'eve@acme.test', company: 'Acme', leadStatus: 'disqualified', dealValueCents: 250000 },
  { phone: '2125550107', name: null, email: 'ghost@acme.test', company: 'Umbrella', leadStatus: 'new', dealValueCents: 750000 },
  { phone: '+442079460958', name: 'Frank Fischer', email: null, company: 'Hooli', leadStatus: 'qualified', dealValueCents: 99 },
  { phone: '2125550109', name: 'Grace Green', email: 'grace@globex.test', company: 'Globex', leadStatus: 'new', dealValueCents: null },
  { phone: '2125550110', name: 'Heidi Hill', email: null, company: null, leadStatus: 'contacted', dealValueCents: 5 },
  { phone: '2125550111', name: 'Ivan Ito', email: 'ivan@acme.test', company: 'Acme', leadStatus: 'new', dealValueCents: 5 },
  { phone: '2125550112', name: 'Judy 100% Jones', email: 'ju_dy@corp.test', company: 'Initech', leadStatus: 'new', dealValueCents: null },
] as const;

const KEY: Record<ContactSort, (c: ContactView) => string | number | null> = {
  name: (c) => c.name,
  phone: (c) => c.phone,
  company: (c) => c.company,
  leadStatus: (c) => c.leadStatus,
  dealValueCents: (c) => c.dealValueCents,
  callCount: (c) => c.callCount,
  lastContactAt: (c) => c.lastContactAt,
  createdAt: (c) => c.createdAt,
};

describe('contacts list: search, sort, pages (e2e)', () => {
  let t: TestApp;
  let s: SignedUp;
  let all: ContactView[];
  const http = () => request(t.app.getHttpServer());
  const list = async (query: Record<string, string | number>) =>
    (await http().get(`/api/v1/workspaces/${s.workspace.id}/contacts`).query(query).set(bearer(s.accessToken)).expect(200)).body as {
      items: ContactView[];
      nextCursor: string | null;
    };
  const walk = async (query: Record<string, string | number>) => {
    const seen: ContactView[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ ...query, limit: 5, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  beforeAll(async () => {
    t = await createTestApp();
    s = await signup(t.app);
    for (const p of PEOPLE) {
      await http().post(`/api/v1/workspaces/${s.workspace.id}/contacts`).set(bearer(s.accessToken)).send(p).expect(201);
    }
    all = (await list({ limit: 200 })).items;
    const byPhone = (e164: string) => all.find((c) => c.phone === e164)!.id;
    for (const [phone, calls] of [['+12125550101', 3], ['+12125550105', 1], ['+442079460958', 2]] as const) {
      for (let i = 0; i < calls; i++) await aCallLog(t.app, { workspaceId: s.workspace.id, contactId: byPhone(phone), hoursAgo: 10 * i + calls });
    }
    all = (await list({ limit: 200 })).items;
  });
  afterAll(async () => t.close());

  it.each([
    ['alice', ['Alice Adams']],
    ['ACME.test', ['Alice Adams', 'Carol Chen', 'Eve Evans', null, 'Ivan Ito']],
    ['(212) 555-0103', ['Carol Chen']],
    ['5550110', ['Heidi Hill']],
    ['7946 0958', ['Frank Fischer']],
    ['100%', ['Judy 100% Jones']],
    ['u_d', ['Judy 100% Jones']],
    ['nobody-here', []],
  ])('should find %s by name, phone digits or email', async (search, names) => {
    const res = await list({ search, sort: 'phone', order: 'asc' });
    expect(res.items.map((c) => c.name)).toEqual(names);
  });

  // The expected order of every column, computed here independently of PostgreSQL: text by its
  // letters first (ICU root collation: "bob Brown" between "Alice" and "Carol" on every server; case
  // only breaks ties, and no two names here differ by case alone),
  // lead status in pipeline order, ties by id in the same direction, NULLs last both ways.
  const PIPELINE = ['new', 'contacted', 'qualified', 'disqualified', 'junk'];
  const RANK: Partial<Record<ContactSort, (c: ContactView) => string | number | null>> = {
    name: (c) => c.name?.toLowerCase() ?? null,
    company: (c) => c.company?.toLowerCase() ?? null,
    leadStatus: (c) => PIPELINE.indexOf(c.leadStatus),
    lastContactAt: (c) => (c.lastContactAt ? Date.parse(c.lastContactAt) : null),
    createdAt: (c) => Date.parse(c.createdAt),
  };
  const expected = (sort: ContactSort, order: 'asc' | 'desc') => {
    const key = RANK[sort] ?? KEY[sort];
    const sign = order === 'asc' ? 1 : -1;
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    return [...all]
      .sort((x, y) => {
        const [a, b] = [key(x), key(y)];
        if (a === null || b === null) return a === b ? sign * cmp(x.id, y.id) : a === null ? 1 : -1;
        return sign * (cmp(a, b) || cmp(x.id, y.id));
      })
      .map((c) => `${KEY[sort](c)} ${c.id}`);
  };

  it.each(Object.keys(KEY) as ContactSort[])('should sort by %s both ways, nulls last, across keyset pages', async (sort) => {
    for (const order of ['asc', 'desc'] as const) {
      const seen = (await walk({ sort, order })).map((c) => `${KEY[sort](c)} ${c.id}`);
      expect({ sort, order, seen }).toEqual({ sort, order, seen: expected(sort, order) });
    }
  });

  it('should sort text by letters first, case only as a tie-breaker (lower case first), and lead status in pipeline order', async () => {
    const [tie] = (await t.app.get(DataSource).query(
      `SELECT array_agg(x ORDER BY x COLLATE "und-x-icu") AS names FROM (VALUES ('Bob'), ('alice'), ('bob'), ('Alice'), ('BOB')) v(x)`,
    )) as Array<{ names: string[] }>;
    expect(tie!.names).toEqual(['alice', 'Alice', 'bob', 'Bob', 'BOB']);
    const names = (await walk({ sort: 'name', order: 'asc' })).map((c) => c.name);
    expect(names).toEqual(['Alice Adams', 'bob Brown', 'Carol Chen', 'Dave Diaz', 'Eve Evans', 'Frank Fischer', 'Grace Green', 'Heidi Hill', 'Ivan Ito', 'Judy 100% Jones', null, null]);
    const companies = [...new Set((await walk({ sort: 'company', order: 'desc' })).map((c) => c.company))];
    expect(companies).toEqual(['Umbrella', 'Initech', 'Hooli', 'Globex', 'Acme', null]);
    const statuses = [...new Set((await walk({ sort: 'leadStatus', order: 'asc' })).map((c) => c.leadStatus))];
    expect(statuses).toEqual(['new', 'contacted', 'qualified', 'disqualified', 'junk']);
    const counts = (await walk({ sort: 'callCount', order: 'desc' })).slice(0, 3).map((c) => c.callCount);
    expect(counts).toEqual([3, 2, 1]);
  });

  it('should filter by lead status and tag while searching and paging', async () => {
    const qualified = await walk({ leadStatus: 'qualified', sort: 'name' });
    expect(qualified.map((c) => c.name)).toEqual(['Alice Adams', 'Frank Fischer']);
    const acmeNew = await walk({ search: 'acme', leadStatus: 'new', sort: 'name' });
    expect(acmeNew.map((c) => c.name)).toEqual(['Ivan Ito', null]);
    await http()
      .post(`/api/v1/workspaces/${s.workspace.id}/contacts/bulk`)
      .set(bearer(s.accessToken))
      .send({ ids: all.slice(0, 2).map((c) => c.id), action: 'addTags', tags: ['Hot Lead'] })
      .expect(200);
    expect((await walk({ tag: 'Hot Lead' })).map((c) => c.id).sort()).toEqual(all.slice(0, 2).map((c) => c.id).sort());
  });

  // The service picks a plan by the term's frequency; here each plan is forced over the same data
  // (the window tiny, or the rare path always) and must page through identical results.
  it.each([
    ['company and email term', 'acme'],
    ['phone digits', '555010'],
    ['name fragment', 'a'],
  ])('should page identically through the window plan and the rare plan for a %s', async (_, search) => {
    const db = t.app.get(DataSource);
    const sql = (text: string, params: unknown[]) => db.query(text, params);
    const collect = async (tuning: SearchTuning, sort: ContactSort, order: 'asc' | 'desc', tag?: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await findContactPage(sql, { workspaceId: s.workspace.id, search, tag, sort, order, limit: 2, cursor }, tuning);
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    for (const sort of Object.keys(KEY) as ContactSort[]) {
      for (const order of ['asc', 'desc'] as const) {
        const rare = await collect({ window: 8000, rareEstimate: Number.POSITIVE_INFINITY }, sort, order);
        const windowed = await collect({ window: 3, rareEstimate: -1 }, sort, order);
        const wide = await collect({ window: 1000, rareEstimate: -1 }, sort, order);
        expect({ sort, order, windowed, wide }).toEqual({ sort, order, windowed: rare, wide: rare });
      }
    }
  });

  it('should refuse a bad sort, order, limit or cursor with 400', async () => {
    const url = `/api/v1/workspaces/${s.workspace.id}/contacts`;
    const id = all[0]!.id;
    const foreign = [
      { sort: 'leadStatus', cursor: encodeCursor({ phase: 'values', value: 'new', id }) }, // a cursor from before pipeline order
      { sort: 'createdAt', cursor: encodeCursor({ phase: 'values', value: 'yesterday', id }) },
      { sort: 'phone', cursor: encodeCursor({ phase: 'nulls', value: null, id }) },
    ];
    for (const query of [{ sort: 'email' }, { order: 'up' }, { limit: 0 }, { limit: 201 }, { cursor: 'garbage' }, { unknown: 1 }, ...foreign]) {
      const res = await http().get(url).query(query).set(bearer(s.accessToken));
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });

  it('should refuse a well-formed cursor value out of its type\'s range with 400 and say so', async () => {
    const url = `/api/v1/workspaces/${s.workspace.id}/contacts`;
    const id = all[0]!.id;
    const cases = [
      { sort: 'createdAt', value: '2026-99-01 10:00:00+00', says: 'cursor date "2026-99-01 10:00:00+00" is out of range' },
      { sort: 'lastContactAt', value: '2026-02-30 10:00:00.5+00', says: 'cursor date "2026-02-30 10:00:00.5+00" is out of range' },
      { sort: 'createdAt', value: '2026-11-25 25:00:00+00', says: 'cursor date "2026-11-25 25:00:00+00" is out of range' },
      { sort: 'callCount', value: '99999999999', says: 'cursor number 99999999999 is out of range' },
      { sort: 'dealValueCents', value: '9999999999999999999', says: 'cursor number 9999999999999999999 is out of range' },
    ];
    for (const { sort, value, says } of cases) {
      const res = await http().get(url).query({ sort, cursor: encodeCursor({ phase: 'values', value, id }) }).set(bearer(s.accessToken));
      expect({ sort, value, status: res.status, message: String(res.body.message) }).toEqual({ sort, value, status: 400, message: expect.stringContaining(says) });
    }
    // The same shapes in range are valid cursors (a leap day, an offset, the int maximum).
    for (const [sort, value] of [['createdAt', '2024-02-29 23:59:59.999999+05:30'], ['callCount', '2147483647']] as const) {
      const res = await http().get(url).query({ sort, cursor: encodeCursor({ phase: 'values', value, id }) }).set(bearer(s.accessToken));
      expect({ sort, value, status: res.status }).toEqual({ sort, value, status: 200 });
    }
  });
});
