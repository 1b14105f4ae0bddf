import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BulkContactsResponse, ContactSource, ContactView, LeadStatus, Page } from '@ringtonic/contracts';
import { DataSource } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { toContactView } from './contact.views.js';
import { contactExists, invalidCursor, invalidPhone } from './contacts.errors.js';
import { CONTACT_COLUMNS, type ContactRow, findContactPage, InvalidCursorError, type Sql } from './contacts-query.js';
import type { BulkContactsDto } from './dto/bulk-contacts.dto.js';
import type { ContactFieldsDto, CreateContactDto, UpdateContactDto } from './dto/create-contact.dto.js';
import type { ListContactsDto } from './dto/list-contacts.dto.js';
import { toE164 } from '../common/phone.js';

const FIELD_COLUMNS: Array<[keyof ContactFieldsDto, string]> = [
  ['name', 'name'],
  ['email', 'email'],
  ['company', 'company'],
  ['notes', 'notes'],
  ['leadStatus', 'lead_status'],
  ['dealValueCents', 'deal_value_cents'],
  ['tags', 'tags'],
  ['nextFollowUpAt', 'next_follow_up_at'],
];

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

@Injectable()
export class ContactsService {
  private readonly sql: Sql;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workspaces: WorkspaceService,
  ) {
    this.sql = (text, params) => this.db.query(text, params);
  }

  async countryOf(workspaceId: string): Promise<string> {
    return (await this.workspaces.get(workspaceId)).defaultCountry;
  }

  /** Any common format → E.164 with the workspace's default country; 400 saying why otherwise. */
  async normalisePhone(workspaceId: string, raw: string): Promise<string> {
    const result = toE164(raw, await this.countryOf(workspaceId));
    if (!result.ok) throw invalidPhone(result.reason);
    return result.e164;
  }

  async list(workspaceId: string, q: ListContactsDto): Promise<Page<ContactView>> {
    const country = await this.countryOf(workspaceId);
    try {
      const page = await findContactPage(this.sql, {
        workspaceId,
        search: q.search,
        sort: q.sort ?? 'createdAt',
        order: q.order ?? (q.sort && q.sort !== 'createdAt' && q.sort !== 'lastContactAt' ? 'asc' : 'desc'),
        leadStatus: q.leadStatus,
        tag: q.tag,
        limit: q.limit ?? 50,
        cursor: q.cursor,
      });
      return { items: page.items.map((r) => toContactView(r, country)), nextCursor: page.nextCursor };
    } catch (e) {
      if (e instanceof InvalidCursorError) throw invalidCursor(e.message);
      throw e;
    }
  }

  async get(workspaceId: string, id: string): Promise<ContactView> {
    return toContactView(await this.row(workspaceId, id), await this.countryOf(workspaceId));
  }

  async create(workspaceId: string, dto: CreateContactDto, source: ContactSource): Promise<ContactView> {
    const phone = await this.normalisePhone(workspaceId, dto.phone);
    const cols = ['workspace_id', 'phone_e164', 'source'];
    const params: unknown[] = [workspaceId, phone, source];
    for (const [key, col] of FIELD_COLUMNS) {
      if (dto[key] === undefined) continue;
      cols.push(col);
      params.push(dto[key]);
    }
    const rows = (await this.db.query(
      `INSERT INTO contacts (${cols.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (workspace_id, phone_e164) DO NOTHING RETURNING id`,
      params,
    )) as Array<{ id: string }>;
    if (!rows[0]) throw contactExists(await this.idByPhone(workspaceId, phone));
    return this.get(workspaceId, rows[0].id);
  }

  async update(workspaceId: string, id: string, dto: UpdateContactDto): Promise<ContactView> {
    await this.row(workspaceId, id);
    const sets: string[] = [];
    const params: unknown[] = [workspaceId, id];
    let phone: string | undefined;
    if (dto.phone !== undefined) {
      phone = await this.normalisePhone(workspaceId, dto.phone);
      sets.push(`phone_e164 = $${params.push(phone)}`);
    }
    for (const [key, col] of FIELD_COLUMNS) {
      if (dto[key] !== undefined) sets.push(`${col} = $${params.push(dto[key])}`);
    }
    if (dto.name !== undefined) sets.push('name_set_by_ai = false'); // a person's name: the AI leaves it alone
    if (sets.length) {
      try {
        await this.db.query(`UPDATE contacts SET ${sets.join(', ')}, updated_at = now() WHERE workspace_id = $1 AND id = $2`, params);
      } catch (e) {
        if (phone && isUniqueViolation(e)) throw contactExists(await this.idByPhone(workspaceId, phone));
        throw e;
      }
    }
    return this.get(workspaceId, id);
  }

  /** Deletes the contact; its call logs stay, unlinked (contact_id set NULL), keeping from/to. */
  async remove(workspaceId: string, id: string): Promise<void> {
    const [, affected] = (await this.db.query(`DELETE FROM contacts WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])) as [unknown, number];
    if (!affected) throw notFound('Contact');
  }

  async bulk(workspaceId: string, dto: BulkContactsDto): Promise<BulkContactsResponse> {
    const scope = 'workspace_id = $1 AND id = ANY($2::uuid[])';
    const ids = [...new Set(dto.ids)];
    const run = async (text: string, extra: unknown[]) => {
      const [, affected] = (await this.db.query(text, [workspaceId, ids, ...extra])) as [unknown, number];
      return { affected };
    };
    switch (dto.action) {
      case 'addTags':
        return run(
          `UPDATE contacts SET tags = tags || ARRAY(SELECT t FROM unnest($3::text[]) t WHERE NOT t = ANY(tags)), updated_at = now()
           WHERE ${scope}`,
          [dto.tags],
        );
      case 'removeTags':
        return run(`UPDATE contacts SET tags = ARRAY(SELECT t FROM unnest(tags) t WHERE NOT t = ANY($3::text[])), updated_at = now() WHERE ${scope}`, [
          dto.tags,
        ]);
      case 'setLeadStatus':
        return run(`UPDATE contacts SET lead_status = $3, updated_at = now() WHERE ${scope}`, [dto.leadStatus]);
      case 'delete':
        return run(`DELETE FROM contacts WHERE ${scope}`, []);
    }
  }

  /**
   * The contact for a phone number, created (with `source`) if there is none. Race-safe: two
   * calls from the same new number at once both get the one contact.
   */
  async findOrCreateByPhone(workspaceId: string, phoneE164: string, source: ContactSource): Promise<{ id: string; name: string | null; created: boolean }> {
    // One round trip either way; a row inserted concurrently by another caller (not visible to this
    // statement's snapshot) is read by the second query.
    const [row] = (await this.db.query(
      `WITH ins AS (
         INSERT INTO contacts (workspace_id, phone_e164, source) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id, phone_e164) DO NOTHING RETURNING id, name
       )
       SELECT id, name, true AS created FROM ins
       UNION ALL
       SELECT id, name, false FROM contacts WHERE workspace_id = $1 AND phone_e164 = $2 AND NOT EXISTS (SELECT 1 FROM ins)`,
      [workspaceId, phoneE164, source],
    )) as Array<{ id: string; name: string | null; created: boolean }>;
    if (row) return row;
    const [existing] = (await this.db.query(`SELECT id, name FROM contacts WHERE workspace_id = $1 AND phone_e164 = $2`, [workspaceId, phoneE164])) as Array<{
      id: string;
      name: string | null;
    }>;
    if (!existing) throw new Error(`contact for ${phoneE164} vanished between insert and select`);
    return { ...existing, created: false };
  }

  /** The call-log rule: a lead status set on a call within 24 h also becomes the contact's. */
  async setLeadStatus(workspaceId: string, id: string, leadStatus: LeadStatus): Promise<void> {
    await this.db.query(`UPDATE contacts SET lead_status = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, leadStatus]);
  }

  /** Tags used on contacts or calls in the workspace, for autocomplete. */
  async tagSuggestions(workspaceId: string, prefix = '', limit = 50): Promise<string[]> {
    const like = `${prefix.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = (await this.db.query(`SELECT tag FROM workspace_tags WHERE workspace_id = $1 AND tag ILIKE $2 ORDER BY lower(tag) LIMIT $3`, [
      workspaceId,
      like,
      limit,
    ])) as Array<{ tag: string }>;
    return rows.map((r) => r.tag);
  }

  private async row(workspaceId: string, id: string): Promise<ContactRow> {
    const [row] = (await this.db.query(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE workspace_id = $1 AND id = $2`, [workspaceId, id])) as ContactRow[];
    if (!row) throw notFound('Contact');
    return row;
  }

  private async idByPhone(workspaceId: string, phone: string): Promise<string> {
    const [row] = (await this.db.query(`SELECT id FROM contacts WHERE workspace_id = $1 AND phone_e164 = $2`, [workspaceId, phone])) as Array<{ id: string }>;
    return row?.id ?? '';
  }
}
