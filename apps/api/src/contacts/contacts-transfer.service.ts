import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTACT_CSV_HEADERS,
  csvLine,
  type ImportContactsResponse,
  type ImportRejection,
  LEAD_STATUSES,
  type LeadStatus,
} from '@ringtonic/contracts';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { ContactsService } from './contacts.service.js';
import { findContactPage, type Sql } from './contacts-query.js';
import type { ImportContactsDto, ImportRowDto } from './dto/import-contacts.dto.js';
import type { ContactFilterDto } from './dto/list-contacts.dto.js';
import { formatPhone, toE164 } from '../common/phone.js';

interface ValidRow {
  row: number;
  phone: string;
  name: string | null;
  email: string | null;
  company: string | null;
  notes: string | null;
  leadStatus: LeadStatus;
  dealValueCents: number | null;
  tags: string[];
  nextFollowUpAt: string | null;
}

// Undo the export's spreadsheet-formula guard ('=…) and trim; empty → null.
const text = (v: string | undefined) => {
  const t = (v ?? '').trim().replace(/^'(?=[=+\-@])/, '');
  return t === '' ? null : t;
};

/** CSV import (rows already mapped to fields by the SPA) and CSV export of a filtered list. */
@Injectable()
export class ContactsTransferService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
  ) {}

  async import(workspaceId: string, dto: ImportContactsDto): Promise<ImportContactsResponse> {
    const country = await this.contacts.countryOf(workspaceId);
    const rejected: ImportRejection[] = [];
    const seen = new Map<string, number>();
    const valid: ValidRow[] = [];
    for (const raw of dto.rows) {
      const result = this.validate(raw, country);
      if (typeof result === 'string') rejected.push({ row: raw.row, reason: result });
      else if (seen.has(result.phone)) rejected.push({ row: raw.row, reason: `Same phone as row ${seen.get(result.phone)}` });
      else {
        seen.set(result.phone, raw.row);
        valid.push(result);
      }
    }
    const existing = new Set(
      ((await this.db.query(`SELECT phone_e164 FROM contacts WHERE workspace_id = $1 AND phone_e164 = ANY($2::text[])`, [
        workspaceId,
        valid.map((v) => v.phone),
      ])) as Array<{ phone_e164: string }>).map((r) => r.phone_e164),
    );
    const fresh = valid.filter((v) => !existing.has(v.phone));
    for (const v of valid) if (existing.has(v.phone)) rejected.push({ row: v.row, reason: `A contact with ${formatPhone(v.phone, country)} already exists` });
    let created = fresh.length;
    if (!dto.dryRun && fresh.length) {
      const inserted = (await this.db.query(
        `INSERT INTO contacts (workspace_id, phone_e164, name, email, company, notes, lead_status, deal_value_cents, tags, next_follow_up_at, source)
         SELECT $1, r.phone, r.name, r.email, r.company, r.notes, r.lead_status, r.deal_value_cents, r.tags, r.next_follow_up_at, 'import'
         FROM jsonb_to_recordset($2::jsonb) AS r(phone text, name text, email text, company text, notes text, lead_status text,
              deal_value_cents bigint, tags text[], next_follow_up_at timestamptz)
         ON CONFLICT (workspace_id, phone_e164) DO NOTHING RETURNING phone_e164`,
        [
          workspaceId,
          JSON.stringify(
            fresh.map((v) => ({ ...v, lead_status: v.leadStatus, deal_value_cents: v.dealValueCents, next_follow_up_at: v.nextFollowUpAt })),
          ),
        ],
      )) as Array<{ phone_e164: string }>;
      const done = new Set(inserted.map((r) => r.phone_e164));
      for (const v of fresh) if (!done.has(v.phone)) rejected.push({ row: v.row, reason: 'A contact with this phone was created meanwhile' });
      created = done.size;
    }
    rejected.sort((a, b) => a.row - b.row);
    return { dryRun: Boolean(dto.dryRun), created, rejected };
  }

  /** Streams the contacts matching the list's filter as CSV lines, one page at a time. */
  async *export(workspaceId: string, filter: ContactFilterDto): AsyncGenerator<string> {
    const sql: Sql = (t, p) => this.db.query(t, p);
    yield csvLine(CONTACT_CSV_HEADERS) + '\r\n';
    let cursor: string | undefined;
    do {
      const page = await findContactPage(sql, {
        workspaceId,
        search: filter.search,
        leadStatus: filter.leadStatus,
        tag: filter.tag,
        sort: filter.sort ?? 'createdAt',
        order: filter.order ?? 'asc',
        limit: 1000,
        cursor,
      });
      yield page.items
        .map((c) =>
          csvLine([
            c.phone_e164,
            c.name,
            c.email,
            c.company,
            c.notes,
            c.lead_status,
            c.deal_value_cents === null ? null : (Number(c.deal_value_cents) / 100).toFixed(2),
            c.tags.join('; '),
            c.next_follow_up_at?.toISOString(),
            c.source,
            c.call_count,
            c.last_contact_at?.toISOString(),
            c.created_at.toISOString(),
          ]) + '\r\n',
        )
        .join('');
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private validate(raw: ImportRowDto, country: string): ValidRow | string {
    const phone = toE164(raw.phone ?? '', country);
    if (!phone.ok) return `Phone ${phone.reason}`;
    const email = text(raw.email);
    if (email && !isEmail(email)) return `Email "${email}" is not a valid email address`;
    const status = text(raw.leadStatus)?.toLowerCase() ?? 'new';
    if (!LEAD_STATUSES.includes(status as LeadStatus)) return `Lead status "${raw.leadStatus}" is not one of ${LEAD_STATUSES.join(', ')}`;
    let dealValueCents: number | null = null;
    const deal = text(raw.dealValue)?.replace(/[\s,$€£]/g, '');
    if (deal) {
      if (!/^\d{1,10}(\.\d{1,2})?$/.test(deal)) return `Deal value "${raw.dealValue}" is not an amount such as 1250 or 1250.50`;
      dealValueCents = Math.round(Number(deal) * 100);
    }
    const tags = [...new Set((raw.tags ?? '').split(/[;,]/).map((t) => t.trim()).filter(Boolean))];
    if (tags.some((t) => t.length > 50)) return 'Tags must be at most 50 characters each';
    let nextFollowUpAt: string | null = null;
    const follow = text(raw.nextFollowUpAt);
    if (follow) {
      const d = new Date(follow);
      if (Number.isNaN(d.getTime())) return `Next follow-up "${follow}" is not a date`;
      nextFollowUpAt = d.toISOString();
    }
    const limited = (v: string | undefined, max: number) => text(v)?.slice(0, max) ?? null;
    return {
      row: raw.row,
      phone: phone.e164,
      name: limited(raw.name, 200),
      email,
      company: limited(raw.company, 200),
      notes: limited(raw.notes, 10_000),
      leadStatus: status as LeadStatus,
      dealValueCents,
      tags,
      nextFollowUpAt,
    };
  }
}
