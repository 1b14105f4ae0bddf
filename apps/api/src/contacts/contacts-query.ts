import type { ContactSort, LeadStatus, SortOrder } from '@ringtonic/contracts';
import { isUuid } from '../common/uuid.js';

/**
 * The contact list's one query path (the API and bench/contacts.mjs both run it): keyset pages over
 * a (workspace_id, column, id) index per sortable column, NULLs last in either direction, and a
 * search that stays fast for common and rare terms alike. docs/crm.md has the reasoning.
 */
export type Sql = (text: string, params: unknown[]) => Promise<unknown[]>;

export interface ContactRow {
  id: string;
  workspace_id: string;
  phone_e164: string;
  name: string | null;
  email: string | null;
  company: string | null;
  notes: string | null;
  lead_status: LeadStatus;
  deal_value_cents: string | null;
  tags: string[];
  next_follow_up_at: Date | null;
  source: string;
  call_count: number;
  last_contact_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ContactPageQuery {
  workspaceId: string;
  search?: string;
  sort: ContactSort;
  order: SortOrder;
  leadStatus?: LeadStatus;
  tag?: string;
  limit: number;
  cursor?: string;
}

export class InvalidCursorError extends Error {}

// Each sort key is the exact expression its (workspace_id, key, id) index was built on (migration
// 1764560000000-ContactSortOrder): name and company in the ICU root collation (letters first, case
// only as a tie-breaker with lower case first; the same on every server), lead status in pipeline
// order. Keyset comparisons use the same expressions, so they compare in the index's collation.
const LEAD_STATUS_RANK = `(CASE lead_status WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'qualified' THEN 2 WHEN 'disqualified' THEN 3 ELSE 4 END)`;
const SORT_COLUMNS: Record<ContactSort, { col: string; type: 'text' | 'bigint' | 'int' | 'timestamptz'; nullable: boolean }> = {
  name: { col: '(name COLLATE "und-x-icu")', type: 'text', nullable: true },
  phone: { col: 'phone_e164', type: 'text', nullable: false },
  company: { col: '(company COLLATE "und-x-icu")', type: 'text', nullable: true },
  leadStatus: { col: LEAD_STATUS_RANK, type: 'int', nullable: false },
  dealValueCents: { col: 'deal_value_cents', type: 'bigint', nullable: true },
  callCount: { col: 'call_count', type: 'int', nullable: false },
  lastContactAt: { col: 'last_contact_at', type: 'timestamptz', nullable: true },
  createdAt: { col: 'created_at', type: 'timestamptz', nullable: false },
};

/** The SQL expression a sort orders by (and its index is built on): bench/contacts.mjs pages with it. */
export function sortKey(sort: ContactSort): string {
  return SORT_COLUMNS[sort].col;
}

/** A cursor's value must cast to the sort key's type (else a hand-made cursor would be a 500). */
function checkCursorValue(cursor: Cursor, type: (typeof SORT_COLUMNS)[ContactSort]['type']): void {
  const v = cursor.value;
  if (cursor.phase === 'nulls' || type === 'text') return;
  if (v === null) throw new InvalidCursorError('cursor does not belong to this sort');
  if (type === 'timestamptz') {
    if (!TIMESTAMP.test(v)) throw new InvalidCursorError('cursor does not belong to this sort');
    if (!timestampInRange(v)) throw new InvalidCursorError(`cursor date "${v}" is out of range: pass back the nextCursor of the previous page`);
    return;
  }
  const max = type === 'int' ? 2_147_483_647n : 9_223_372_036_854_775_807n;
  const n = /^-?\d{1,19}$/.test(v) ? BigInt(v) : null;
  if (n === null) throw new InvalidCursorError('cursor does not belong to this sort');
  if (n > max || n < -max - 1n) throw new InvalidCursorError(`cursor number ${v} is out of range: pass back the nextCursor of the previous page`);
}

// timestamptz::text as PostgreSQL prints it (ISO DateStyle): 2026-11-25 10:00:00.123+00, +05:30, +05:53:28.
const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,6})?)?(?:Z|[+-](\d\d)(?::?(\d\d)(?::?(\d\d))?)?)?$/;

/** Every field within its calendar/clock range (month 1–12, a day the month has, hour < 24, offset < 16 h). */
function timestampInRange(v: string): boolean {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, oh = 0, om = 0, os = 0] = TIMESTAMP.exec(v)!.slice(1).map((f) => Number(f ?? 0));
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return y >= 1 && d >= 1 && d <= days && h < 24 && mi < 60 && s < 60 && oh < 16 && om < 60 && os < 60;
}

export const CONTACT_COLUMNS =
  'id, workspace_id, phone_e164, name, email, company, notes, lead_status, deal_value_cents, tags, next_follow_up_at, source, call_count, last_contact_at, created_at, updated_at';

// A search or tag filter first walks the sort index over a window of SEARCH_WINDOW rows (a common
// term fills a page there in a few ms); when it does not, the term is rare and the GIN indexes
// collect every hit, which are then ordered (a small set by then).
const SEARCH_WINDOW = 8000;
// Below this many hits by the planner's estimate (pg_trgm's statistics are close for LIKE), the
// window is skipped: the GIN indexes answer a rare term in a millisecond or two.
const RARE_ESTIMATE = 1500;

type Phase = 'values' | 'nulls';
interface Cursor {
  phase: Phase;
  value: string | null;
  id: string;
}
type Row = ContactRow & { _sv: string | null };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.phase === 'nulls' ? 1 : 0, c.value, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [n, value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if ((n !== 0 && n !== 1) || (value !== null && typeof value !== 'string') || !isUuid(id)) throw new Error();
    return { phase: n === 1 ? 'nulls' : 'values', value, id };
  } catch {
    throw new InvalidCursorError('cursor is not valid: pass back the nextCursor of the previous page');
  }
}

function isPhoneDigits(term: string | undefined): boolean {
  const t = term?.trim() ?? '';
  return /^[\d\s().+-]+$/.test(t) && t.replace(/\D/g, '').length >= 6;
}

/** Lower-cased LIKE pattern; a term that looks like a phone number searches its digits. */
export function searchPattern(term: string): string {
  const t = term.trim().toLowerCase();
  const digits = t.replace(/\D/g, '');
  const needle = /^[\d\s().+-]+$/.test(t) && digits.length >= 3 ? digits : t;
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The plan thresholds; tests shrink them to drive both plans over a small table. */
export interface SearchTuning {
  window: number;
  rareEstimate: number;
}

export async function findContactPage(
  sql: Sql,
  q: ContactPageQuery,
  tuning: SearchTuning = { window: SEARCH_WINDOW, rareEstimate: RARE_ESTIMATE },
): Promise<{ items: ContactRow[]; nextCursor: string | null }> {
  const sort = SORT_COLUMNS[q.sort];
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (cursor?.phase === 'nulls' && !sort.nullable) throw new InvalidCursorError('cursor does not belong to this sort');
  if (cursor) checkCursorValue(cursor, sort.type);
  const phases: Phase[] = cursor?.phase === 'nulls' ? ['nulls'] : sort.nullable ? ['values', 'nulls'] : ['values'];
  const selective = Boolean(q.search?.trim() || q.tag);
  const rows: Row[] = [];
  if (selective && (isPhoneDigits(q.search) || (await estimateHits(sql, q)) <= tuning.rareEstimate)) {
    rows.push(...(await rareHits(sql, q, cursor, q.limit + 1)));
  } else {
    for (const phase of phases) {
      const need = q.limit + 1 - rows.length;
      if (need <= 0) break;
      const from = cursor?.phase === phase ? cursor : null;
      if (!selective) {
        rows.push(...(await scanPhase(sql, q, phase, from, need, 0)));
        continue;
      }
      const windowed = await scanPhase(sql, q, phase, from, need, tuning.window);
      if (windowed.length >= need) {
        rows.push(...windowed);
        continue;
      }
      // Not in the window after all: every remaining hit (this phase and the NULLs after it) at once.
      rows.push(...(await rareHits(sql, q, phase === 'values' ? cursor : from, need)));
      break;
    }
  }
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ phase: last._sv === null && sort.nullable ? 'nulls' : 'values', value: last._sv, id: last.id }) : null;
  return { items: items.map(({ _sv: _, ...row }) => row), nextCursor };
}

/** The planner's row estimate for the search and filters (EXPLAIN, no execution). */
async function estimateHits(sql: Sql, q: ContactPageQuery): Promise<number> {
  const params: unknown[] = [q.workspaceId];
  const [row] = (await sql(`EXPLAIN (FORMAT JSON) SELECT 1 FROM contacts WHERE ${['workspace_id = $1', ...filterSql(q, params)].join(' AND ')}`, params)) as Array<{
    'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }>;
  }>;
  return row?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}

function filterSql(q: ContactPageQuery, params: unknown[]): string[] {
  const p = (v: unknown) => `$${params.push(v)}`;
  const filters: string[] = [];
  if (q.search?.trim()) filters.push(`search_text LIKE ${p(searchPattern(q.search))}`);
  if (q.leadStatus) filters.push(`lead_status = ${p(q.leadStatus)}`);
  if (q.tag) filters.push(`tags @> ARRAY[${p(q.tag)}]::text[]`);
  return filters;
}

const selectFor = (col: string) => `SELECT ${CONTACT_COLUMNS}, search_text, ${col}::text AS _sv FROM contacts`;
const strip = (rows: unknown[]) => (rows as Array<Row & { search_text?: string }>).map(({ search_text: _, ...r }) => r as Row);

/** One phase in index order; with a window, only the next `window` rows of the index are filtered. */
async function scanPhase(sql: Sql, q: ContactPageQuery, phase: Phase, cursor: Cursor | null, limit: number, window: number): Promise<Row[]> {
  const { col, type, nullable } = SORT_COLUMNS[q.sort];
  const params: unknown[] = [q.workspaceId];
  const p = (v: unknown) => `$${params.push(v)}`;
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const cmp = q.order === 'desc' ? '<' : '>';
  const scan = ['workspace_id = $1'];
  if (nullable) scan.push(phase === 'nulls' ? `${col} IS NULL` : `${col} IS NOT NULL`);
  if (cursor && phase === 'values') scan.push(`(${col}, id) ${cmp} (${p(cursor.value)}::${type}, ${p(cursor.id)}::uuid)`);
  if (cursor && phase === 'nulls') scan.push(`id ${cmp} ${p(cursor.id)}::uuid`);
  const order = `ORDER BY ${col} ${dir}, id ${dir}`;
  if (!window) return strip(await sql(`${selectFor(col)} WHERE ${[...scan, ...filterSql(q, params)].join(' AND ')} ${order} LIMIT ${limit}`, params));
  const inner = `${selectFor(col)} WHERE ${scan.join(' AND ')} ${order} LIMIT ${window}`;
  return strip(await sql(`SELECT * FROM (${inner}) w WHERE ${filterSql(q, params).join(' AND ')} ${order} LIMIT ${limit}`, params));
}

/** Every hit through the GIN indexes, ordered NULLs last, after the cursor (either phase). */
async function rareHits(sql: Sql, q: ContactPageQuery, cursor: Cursor | null, limit: number): Promise<Row[]> {
  const { col, type, nullable } = SORT_COLUMNS[q.sort];
  const params: unknown[] = [q.workspaceId];
  const p = (v: unknown) => `$${params.push(v)}`;
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const cmp = q.order === 'desc' ? '<' : '>';
  // Only (id, sort key) of each hit is kept, so even thousands of hits sort in memory.
  const hits = `SELECT id, ${col} AS k, ${col}::text AS _sv FROM contacts WHERE ${['workspace_id = $1', ...filterSql(q, params)].join(' AND ')}`;
  let after = 'true';
  if (cursor?.phase === 'values') after = `((k, id) ${cmp} (${p(cursor.value)}::${type}, ${p(cursor.id)}::uuid)${nullable ? ' OR k IS NULL' : ''})`;
  if (cursor?.phase === 'nulls') after = `k IS NULL AND id ${cmp} ${p(cursor.id)}::uuid`;
  const order = (t: string) => `ORDER BY ${t}k ${dir} NULLS LAST, ${t}id ${dir}`;
  return (await sql(
    `WITH hits AS MATERIALIZED (${hits}), top AS (SELECT * FROM hits WHERE ${after} ${order('')} LIMIT ${limit})
     SELECT ${CONTACT_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}, top._sv FROM top JOIN contacts c ON c.id = top.id ${order('top.')}`,
    params,
  )) as Row[];
}
