import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallDirection, CallStatus } from '@ringtonic/contracts';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/sql-rows.js';

export interface NewCallLog {
  workspaceId: string;
  twilioCallSid: string;
  direction: CallDirection;
  status: CallStatus;
  fromE164: string;
  toE164: string;
  contactId: string | null;
  agentUserId: string | null;
  trackingNumberId: string | null;
  campaignId: string | null;
}

const TERMINAL: CallStatus[] = ['completed', 'missed', 'voicemail', 'busy', 'no_answer', 'failed', 'canceled'];

/**
 * How calls write their logs (routing's side of the call-logs module): upsert by CallSid, and
 * transitions that never move a call backwards — a terminal status is final. Every statement is
 * scoped by workspace: a webhook acts only on its own workspace's calls.
 */
@Injectable()
export class CallLifecycleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One log per CallSid however often Twilio posts: returns the log and whether this call made it,
   * or null when the CallSid is already another workspace's call (nothing is written).
   */
  async upsert(log: NewCallLog): Promise<{ id: string; created: boolean } | null> {
    const rows = (await this.db.query(
      `INSERT INTO call_logs (workspace_id, twilio_call_sid, direction, status, from_e164, to_e164, contact_id, agent_user_id, tracking_number_id, campaign_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (twilio_call_sid) DO UPDATE SET updated_at = call_logs.updated_at WHERE call_logs.workspace_id = EXCLUDED.workspace_id
       RETURNING id, (xmax = 0) AS created`,
      [log.workspaceId, log.twilioCallSid, log.direction, log.status, log.fromE164, log.toE164, log.contactId, log.agentUserId, log.trackingNumberId, log.campaignId],
    )) as Array<{ id: string; created: boolean }>;
    return rows[0] ?? null;
  }

  async answered(workspaceId: string, callLogId: string, agentUserId: string): Promise<void> {
    await this.db.query(
      `UPDATE call_logs SET status = 'in_progress', agent_user_id = $2, answered_at = coalesce(answered_at, now()), updated_at = now()
        WHERE id = $1 AND workspace_id = $3 AND status NOT IN (${TERMINAL.map((s) => `'${s}'`).join(',')})`,
      [callLogId, agentUserId, workspaceId],
    );
  }

  /**
   * Moves a call to `status` unless it already ended (terminal wins) or the callback is older than
   * one already applied (SequenceNumber). Returns the log id when it changed.
   */
  async transition(
    where: { workspaceId: string } & ({ callLogId: string } | { twilioCallSid: string }),
    status: CallStatus,
    opts: { sequence?: number; durationSeconds?: number } = {},
  ): Promise<{ id: string; workspaceId: string; agentUserId: string | null } | null> {
    const key = 'callLogId' in where ? 'id' : 'twilio_call_sid';
    const value = 'callLogId' in where ? where.callLogId : where.twilioCallSid;
    const terminal = TERMINAL.includes(status);
    const rows = returnedRows<{ id: string; workspace_id: string; agent_user_id: string | null }>(
      await this.db.query(
        `UPDATE call_logs SET status = $2,
           last_sequence = CASE WHEN $3::int IS NULL THEN last_sequence ELSE greatest(last_sequence, $3::int) END,
           ended_at = CASE WHEN $4 THEN coalesce(ended_at, now()) ELSE ended_at END,
           duration_seconds = CASE WHEN $5::int IS NOT NULL THEN $5::int
                                   WHEN $4 AND answered_at IS NOT NULL THEN extract(epoch FROM now() - answered_at)::int
                                   ELSE duration_seconds END,
           answered_at = CASE WHEN $2 = 'in_progress' THEN coalesce(answered_at, now()) ELSE answered_at END,
           updated_at = now()
         WHERE ${key} = $1 AND workspace_id = $6
           AND status NOT IN (${TERMINAL.map((s) => `'${s}'`).join(',')})
           AND ($3::int IS NULL OR last_sequence < $3::int)
         RETURNING id, workspace_id, agent_user_id`,
        [value, status, opts.sequence ?? null, terminal, opts.durationSeconds ?? null, where.workspaceId],
      ),
    );
    const row = rows[0];
    return row ? { id: row.id, workspaceId: row.workspace_id, agentUserId: row.agent_user_id } : null;
  }

  /**
   * Stores a finished recording on its call (a voicemail also marks the call so): by CallSid, or for
   * a conference recording by the log id its callback URL carried — within the workspace and Twilio
   * account that sent it. A call keeps its first recording (a second one would no longer match the analysis).
   */
  async attachRecording(
    where: ({ twilioCallSid: string } | { callLogId: string }) & { workspaceId: string; accountSid: string },
    recording: { sid: string; url: string; durationSeconds: number | null },
    voicemail: boolean,
  ): Promise<{ id: string; workspaceId: string } | null> {
    const match = 'twilioCallSid' in where ? { sql: 'l.twilio_call_sid = $1', key: where.twilioCallSid } : { sql: 'l.id = $1::uuid', key: where.callLogId };
    const rows = returnedRows<{ id: string; workspace_id: string }>(
      await this.db.query(
        `UPDATE call_logs l SET recording_sid = $2, recording_url = $3,
           status = CASE WHEN $4 THEN 'voicemail' ELSE l.status END,
           duration_seconds = CASE WHEN $4 AND $5::int IS NOT NULL THEN $5::int ELSE l.duration_seconds END,
           updated_at = now()
         FROM workspaces w
         WHERE w.id = l.workspace_id AND ${match.sql} AND l.workspace_id = $7 AND w.twilio_account_sid = $6
           AND (l.recording_sid IS NULL OR l.recording_sid = $2)
         RETURNING l.id, l.workspace_id`,
        [match.key, recording.sid, recording.url, voicemail, recording.durationSeconds, where.accountSid, where.workspaceId],
      ),
    );
    const row = rows[0];
    return row ? { id: row.id, workspaceId: row.workspace_id } : null;
  }

  /** Smart caller ID: the tracking number of the last call with this contact (this agent's first). */
  async lastTrackingNumberWith(workspaceId: string, contactPhone: string, agentUserId: string): Promise<string | null> {
    const [row] = (await this.db.query(
      `SELECT tracking_number_id FROM call_logs
        WHERE workspace_id = $1 AND tracking_number_id IS NOT NULL
          AND (CASE WHEN direction = 'inbound' THEN from_e164 ELSE to_e164 END) = $2
        ORDER BY (agent_user_id = $3) DESC NULLS LAST, started_at DESC LIMIT 1`,
      [workspaceId, contactPhone, agentUserId],
    )) as Array<{ tracking_number_id: string }>;
    return row?.tracking_number_id ?? null;
  }
}
