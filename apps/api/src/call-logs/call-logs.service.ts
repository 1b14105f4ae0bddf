import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { can, type CallLogView, type ContactStats, type Page, type UpdateCallLogResponse } from '@ringtonic/contracts';
import { DataSource } from 'typeorm';
import { DomainError, forbidden, notFound } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { CALL_LOG_SELECT, type CallLogRow, toCallLogView } from './call-log.views.js';
import type { ContactCallsDto, ListCallLogsDto } from './dto/list-call-logs.dto.js';
import type { UpdateCallLogDto } from './dto/update-call-log.dto.js';
import { isUuid } from '../common/uuid.js';
import { returnedRows } from '../common/sql-rows.js';

const nothingToAccept = () => new DomainError('AI_NOTHING_TO_ACCEPT', 'There is no finished AI analysis on this call to accept', HttpStatus.UNPROCESSABLE_ENTITY);
/** contacts.view: without it a call log shows no CRM record (call-log.views.ts). */
const seesContacts = (access: WorkspaceAccess) => can(access.role, 'contacts.view', access.toggles);
const assertSeesContacts = (access: WorkspaceAccess) => {
  if (!seesContacts(access)) throw forbidden(`Your role (${access.role}) does not allow viewing contacts`);
};
const badCursor = () => new DomainError('VALIDATION_FAILED', 'cursor is not valid: pass back the nextCursor of the previous page', HttpStatus.BAD_REQUEST);

@Injectable()
export class CallLogsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
  ) {}

  /** Newest first, keyset pages over (started_at, id). */
  async list(access: WorkspaceAccess, q: ListCallLogsDto): Promise<Page<CallLogView>> {
    const params: unknown[] = [access.workspaceId];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = ['l.workspace_id = $1'];
    if (q.mine) where.push(access.userId ? `l.agent_user_id = ${p(access.userId)}` : 'false');
    if (q.direction) where.push(`l.direction = ${p(q.direction)}`);
    if (q.status) where.push(`l.status = ${p(q.status)}`);
    if (q.contactId) where.push(`l.contact_id = ${p(q.contactId)}`);
    if (q.agentId) where.push(`l.agent_user_id = ${p(q.agentId)}`);
    if (q.campaignId) where.push(`l.campaign_id = ${p(q.campaignId)}`);
    if (q.from) where.push(`l.started_at >= ${p(q.from)}`);
    if (q.to) where.push(`l.started_at < ${p(q.to)}`);
    if (q.cursor) {
      const [startedAt, id] = decode(q.cursor);
      where.push(`(l.started_at, l.id) < (${p(startedAt)}::timestamptz, ${p(id)}::uuid)`);
    }
    const limit = q.limit ?? 50;
    const rows = (await this.db.query(`${CALL_LOG_SELECT} WHERE ${where.join(' AND ')} ORDER BY l.started_at DESC, l.id DESC LIMIT ${limit + 1}`, params)) as CallLogRow[];
    const country = await this.contacts.countryOf(access.workspaceId);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => toCallLogView(r, country, seesContacts(access))),
      nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last._sv, last.id])).toString('base64url') : null,
    };
  }

  async get(access: WorkspaceAccess, id: string): Promise<CallLogView> {
    return toCallLogView(await this.row(access.workspaceId, id), await this.contacts.countryOf(access.workspaceId), seesContacts(access));
  }

  /**
   * Notes and tags need callNotes.add (the route's permission); lead status and deal value need
   * leads.qualify. A lead status set within 24 h of the call also becomes the contact's.
   */
  async update(access: WorkspaceAccess, id: string, dto: UpdateCallLogDto, opts: { acceptingAi?: boolean } = {}): Promise<UpdateCallLogResponse> {
    const qualifying = dto.leadStatus !== undefined || dto.dealValueCents !== undefined;
    if (qualifying && !can(access.role, 'leads.qualify', access.toggles)) throw forbidden(`Your role (${access.role}) does not allow qualifying leads`);
    const before = await this.row(access.workspaceId, id);
    const params: unknown[] = [access.workspaceId, id];
    const p = (v: unknown) => `$${params.push(v)}`;
    const sets: string[] = [];
    if (dto.notes !== undefined) sets.push(`notes = ${p(dto.notes)}`);
    if (dto.tags !== undefined) sets.push(`tags = ${p(dto.tags)}::text[]`);
    if (dto.dealValueCents !== undefined) sets.push(`deal_value_cents = ${p(dto.dealValueCents)}`);
    if (dto.leadStatus !== undefined) {
      sets.push(`lead_status = ${p(dto.leadStatus)}`);
      sets.push(dto.leadStatus === null ? 'qualified_at = NULL, qualified_by_user_id = NULL' : `qualified_at = now(), qualified_by_user_id = ${p(access.userId)}::uuid`);
      // Accepting the AI's suggestion is recorded with it; a person's own choice replaces an acceptance.
      sets.push(opts.acceptingAi ? `ai_accepted_at = now(), ai_accepted_by_user_id = ${p(access.userId)}::uuid` : 'ai_accepted_at = NULL, ai_accepted_by_user_id = NULL');
    }
    if (sets.length) {
      const guard = opts.acceptingAi ? ` AND ai_status = 'done'` : '';
      const changed = returnedRows<{ id: string }>(
        await this.db.query(`UPDATE call_logs SET ${sets.join(', ')}, updated_at = now() WHERE workspace_id = $1 AND id = $2${guard} RETURNING id`, params),
      );
      if (!changed.length) throw opts.acceptingAi ? nothingToAccept() : notFound('Call log');
    }
    const contactUpdated = Boolean(dto.leadStatus && before.syncs_contact && before.contact_id);
    if (dto.leadStatus && contactUpdated) await this.contacts.setLeadStatus(access.workspaceId, before.contact_id!, dto.leadStatus);
    return { ...(await this.get(access, id)), contactUpdated };
  }

  /**
   * A person accepts the AI's suggestion: its lead status (and deal value, when it estimated one)
   * become the log's like a manual qualification — so within 24 h also the contact's lead status.
   */
  async acceptAiSuggestion(access: WorkspaceAccess, id: string): Promise<UpdateCallLogResponse> {
    const row = await this.row(access.workspaceId, id);
    if (row.ai_status !== 'done' || !row.ai_lead_status) throw nothingToAccept();
    return this.update(
      access,
      id,
      { leadStatus: row.ai_lead_status, ...(row.ai_deal_value_cents !== null ? { dealValueCents: Number(row.ai_deal_value_cents) } : {}) },
      { acceptingAi: true },
    );
  }

  /** A contact's calls, newest first, by page (the detail sheet's timeline): a CRM record, so contacts.view too. */
  async forContact(access: WorkspaceAccess, contactId: string, q: ContactCallsDto): Promise<Page<CallLogView> & { page: number }> {
    const { workspaceId } = access;
    assertSeesContacts(access);
    await this.contacts.get(workspaceId, contactId);
    const page = q.page ?? 1;
    const limit = q.limit ?? 50;
    const rows = (await this.db.query(
      `${CALL_LOG_SELECT} WHERE l.workspace_id = $1 AND l.contact_id = $2 ORDER BY l.started_at DESC, l.id DESC LIMIT $3 OFFSET $4`,
      [workspaceId, contactId, limit, (page - 1) * limit],
    )) as CallLogRow[];
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM call_logs WHERE workspace_id = $1 AND contact_id = $2`, [
      workspaceId,
      contactId,
    ])) as [{ total: number }];
    const country = await this.contacts.countryOf(workspaceId);
    return { items: rows.map((r) => toCallLogView(r, country, true)), nextCursor: null, total, page };
  }

  async statsForContact(access: WorkspaceAccess, contactId: string): Promise<ContactStats> {
    const { workspaceId } = access;
    assertSeesContacts(access);
    await this.contacts.get(workspaceId, contactId);
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS total, max(started_at) AS last,
         coalesce(round(avg(duration_seconds) FILTER (WHERE answered_at IS NOT NULL)), 0)::int AS avg
       FROM call_logs WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, contactId],
    )) as [{ total: number; last: Date | null; avg: number }];
    return { totalCalls: row.total, lastCallAt: row.last ? row.last.toISOString() : null, averageDurationSeconds: row.avg };
  }

  private async row(workspaceId: string, id: string): Promise<CallLogRow> {
    const [row] = (await this.db.query(`${CALL_LOG_SELECT} WHERE l.workspace_id = $1 AND l.id = $2`, [workspaceId, id])) as CallLogRow[];
    if (!row) throw notFound('Call log');
    return row;
  }
}

function decode(cursor: string): [string, string] {
  try {
    const [startedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof startedAt !== 'string' || !/^\d{4}-[\d\-: .+TZ]{6,40}$/.test(startedAt) || !isUuid(id)) throw new Error();
    return [startedAt, id];
  } catch {
    throw badCursor();
  }
}
