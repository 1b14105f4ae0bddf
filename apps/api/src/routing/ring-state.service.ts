import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallRingingEvent } from '@ringtonic/contracts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/sql-rows.js';

export interface RingingCallRow {
  call_log_id: string;
  workspace_id: string;
  caller_call_sid: string;
  from_e164: string;
  caller_name: string | null;
  tracking_number: string;
  campaign_name: string | null;
  state: 'ringing' | 'claimed' | 'connected' | 'ended';
  ring_deadline: Date;
  claimed_by_user_id: string | null;
}

export interface ClaimVerdict {
  won: boolean;
  /** The call as the claim saw it (null: no such call in this workspace). */
  row: RingingCallRow | null;
  claimedByName: string | null;
  /** Lost, yet the row looked unclaimed: the statement raced the winner and saw the row before it. */
  stale: boolean;
}

export const conferenceName = (callLogId: string) => `call-${callLogId}`;

// Formatting a number costs ~0.3 ms of CPU; a ring (and its CNAM re-ring) formats the same caller again.
const formatted = new Map<string, string>();
function formatNational(e164: string): string {
  let f = formatted.get(e164);
  if (f === undefined) {
    f = parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
    if (formatted.size >= 10_000) formatted.clear();
    formatted.set(e164, f);
  }
  return f;
}

export function toRingingEvent(r: RingingCallRow): CallRingingEvent {
  return {
    callId: r.call_log_id,
    from: r.from_e164,
    fromFormatted: formatNational(r.from_e164),
    callerName: r.caller_name,
    trackingNumber: r.tracking_number,
    campaign: r.campaign_name,
    ringDeadline: r.ring_deadline.toISOString(),
  };
}

/**
 * Ringing state in PostgreSQL: every decision is one conditional statement, so it holds with any
 * number of API instances (the claim: exactly one UPDATE … WHERE state = 'ringing' can win).
 */
@Injectable()
export class RingStateService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Starts ringing `userIds` for a call in one statement; a repeated webhook for the same call changes nothing. */
  async start(input: Omit<RingingCallRow, 'state' | 'claimed_by_user_id'>, userIds: string[]): Promise<{ row: RingingCallRow; fresh: boolean }> {
    const inserted = (await this.db.query(
      `WITH call AS (
         INSERT INTO ringing_calls (call_log_id, workspace_id, caller_call_sid, from_e164, caller_name, tracking_number, campaign_name, ring_deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (call_log_id) DO NOTHING RETURNING *
       ), offers AS (
         INSERT INTO call_offers (call_log_id, user_id) SELECT call.call_log_id, u FROM call, unnest($9::uuid[]) AS u
       )
       SELECT * FROM call`,
      [input.call_log_id, input.workspace_id, input.caller_call_sid, input.from_e164, input.caller_name, input.tracking_number, input.campaign_name, input.ring_deadline, userIds],
    )) as RingingCallRow[];
    if (inserted[0]) return { row: inserted[0], fresh: true };
    return { row: (await this.byId(input.call_log_id, input.workspace_id))!, fresh: false };
  }

  /**
   * The answer claim: one winner among any number of concurrent requests, on any instance. One
   * statement gives the verdict, and for a loser the row as this statement saw it with the claimer's
   * name. A loser that raced the winner saw the row before the win (`stale`): `claimHolder` reads again.
   */
  async claim(workspaceId: string, callLogId: string, userId: string): Promise<ClaimVerdict> {
    const rows = (await this.db.query(
      `WITH won AS (
         UPDATE ringing_calls r SET state = 'claimed', claimed_by_user_id = $3, claimed_at = now()
          WHERE r.call_log_id = $2 AND r.workspace_id = $1 AND r.state = 'ringing'
            AND EXISTS (SELECT 1 FROM call_offers o WHERE o.call_log_id = r.call_log_id AND o.user_id = $3 AND o.declined_at IS NULL)
          RETURNING r.*
       )
       SELECT won.*, true AS won, (SELECT name FROM users WHERE id = $3) AS claimed_by_name FROM won
       UNION ALL
       SELECT r.*, false, u.name FROM ringing_calls r LEFT JOIN users u ON u.id = r.claimed_by_user_id
        WHERE r.call_log_id = $2 AND r.workspace_id = $1 AND NOT EXISTS (SELECT 1 FROM won)`,
      [workspaceId, callLogId, userId],
    )) as Array<RingingCallRow & { won: boolean; claimed_by_name: string | null }>;
    const r = rows[0];
    if (!r) return { won: false, row: null, claimedByName: null, stale: false };
    const { won, claimed_by_name: claimedByName, ...row } = r;
    return { won, row, claimedByName, stale: !won && row.state === 'ringing' };
  }

  /** Who holds the claim on a call now (a fresh read after a lost race), with their name. */
  async claimHolder(workspaceId: string, callLogId: string): Promise<{ row: RingingCallRow | null; claimedByName: string | null }> {
    const [r] = (await this.db.query(
      `SELECT r.*, u.name AS claimed_by_name FROM ringing_calls r LEFT JOIN users u ON u.id = r.claimed_by_user_id
        WHERE r.call_log_id = $2 AND r.workspace_id = $1`,
      [workspaceId, callLogId],
    )) as Array<RingingCallRow & { claimed_by_name: string | null }>;
    if (!r) return { row: null, claimedByName: null };
    const { claimed_by_name: claimedByName, ...row } = r;
    return { row, claimedByName };
  }

  /** The claim holder's device joined the conference (of a call of its workspace). */
  async connect(workspaceId: string, callLogId: string, userId: string): Promise<RingingCallRow | null> {
    const rows = returnedRows<RingingCallRow>(
      await this.db.query(
        `UPDATE ringing_calls SET state = 'connected'
          WHERE call_log_id = $1 AND workspace_id = $3 AND claimed_by_user_id = $2 AND state IN ('claimed', 'connected') RETURNING *`,
        [callLogId, userId, workspaceId],
      ),
    );
    return rows[0] ?? null;
  }

  /** This agent stops ringing; true when nobody is left ringing for it. */
  async decline(workspaceId: string, callLogId: string, userId: string): Promise<{ found: boolean; allDeclined: boolean }> {
    const rows = returnedRows<{ remaining: string }>(
      await this.db.query(
        `UPDATE call_offers o SET declined_at = coalesce(o.declined_at, now())
          FROM ringing_calls r
         WHERE o.call_log_id = $2 AND o.user_id = $3 AND r.call_log_id = o.call_log_id AND r.workspace_id = $1
         RETURNING (SELECT count(*) FROM call_offers x WHERE x.call_log_id = o.call_log_id AND x.declined_at IS NULL AND x.user_id <> o.user_id) AS remaining`,
        [workspaceId, callLogId, userId],
      ),
    );
    if (!rows[0]) return { found: false, allDeclined: false };
    return { found: true, allDeclined: Number(rows[0].remaining) === 0 };
  }

  /** Ends a call of the workspace that is still ringing or claimed; only the first caller of this wins. */
  async end(where: { workspaceId: string } & ({ callLogId: string } | { callerCallSid: string }), reason: string, onlyIfLive = true): Promise<RingingCallRow | null> {
    const [col, value] = 'callLogId' in where ? ['call_log_id', where.callLogId] : ['caller_call_sid', where.callerCallSid];
    const rows = returnedRows<RingingCallRow>(
      await this.db.query(
        `UPDATE ringing_calls SET state = 'ended', ended_reason = $2
          WHERE ${col} = $1 AND workspace_id = $3 AND state ${onlyIfLive ? "IN ('ringing', 'claimed')" : "<> 'ended'"} RETURNING *`,
        [value, reason, where.workspaceId],
      ),
    );
    return rows[0] ?? null;
  }

  /** Calls past their ring deadline, each returned to exactly one sweeper. */
  async expireDeadlines(): Promise<RingingCallRow[]> {
    return returnedRows<RingingCallRow>(
      await this.db.query(`UPDATE ringing_calls SET state = 'ended', ended_reason = 'timeout' WHERE state = 'ringing' AND ring_deadline < now() RETURNING *`),
    );
  }

  /** Claims whose browser never joined (tab died) ring again. */
  async releaseStaleClaims(graceSeconds: number): Promise<RingingCallRow[]> {
    return returnedRows<RingingCallRow>(
      await this.db.query(
        `UPDATE ringing_calls SET state = 'ringing', claimed_by_user_id = NULL, claimed_at = NULL,
                ring_deadline = greatest(ring_deadline, now() + interval '10 seconds')
          WHERE state = 'claimed' AND claimed_at < now() - make_interval(secs => $1) RETURNING *`,
        [graceSeconds],
      ),
    );
  }

  /** Calls ringing now that this agent may still answer. */
  async ringingFor(workspaceId: string, userId: string): Promise<RingingCallRow[]> {
    return (await this.db.query(
      `SELECT r.* FROM ringing_calls r JOIN call_offers o ON o.call_log_id = r.call_log_id
        WHERE r.workspace_id = $1 AND r.state = 'ringing' AND o.user_id = $2 AND o.declined_at IS NULL
        ORDER BY r.created_at`,
      [workspaceId, userId],
    )) as RingingCallRow[];
  }

  /** Records a caller name found after ringing started: the row while it still rings, and who it still rings. */
  async setCallerName(callLogId: string, name: string): Promise<{ row: RingingCallRow; ringingUserIds: string[] } | null> {
    const [row] = (await this.db.query(
      `WITH r AS (UPDATE ringing_calls SET caller_name = $2 WHERE call_log_id = $1 AND state = 'ringing' AND caller_name IS NULL RETURNING *)
       SELECT r.*, ARRAY(SELECT o.user_id FROM call_offers o WHERE o.call_log_id = r.call_log_id AND o.declined_at IS NULL) AS ringing_user_ids FROM r`,
      [callLogId, name],
    )) as Array<RingingCallRow & { ringing_user_ids: string[] }>;
    if (!row) return null;
    const { ringing_user_ids: ringingUserIds, ...ringing } = row;
    return { row: ringing, ringingUserIds };
  }

  async offeredUserIds(callLogId: string): Promise<string[]> {
    const rows = (await this.db.query(`SELECT user_id FROM call_offers WHERE call_log_id = $1`, [callLogId])) as Array<{ user_id: string }>;
    return rows.map((r) => r.user_id);
  }

  async byId(callLogId: string, workspaceId: string): Promise<RingingCallRow | null> {
    const rows = (await this.db.query(`SELECT * FROM ringing_calls WHERE call_log_id = $1 AND workspace_id = $2`, [callLogId, workspaceId])) as RingingCallRow[];
    return rows[0] ?? null;
  }
}
