import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IntendedStatus, PresenceStatus, Role } from '@ringtonic/contracts';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RealtimeEmitter } from '../realtime/realtime.emitter.js';
import { returnedRows } from '../common/sql-rows.js';

export interface PresenceEntry {
  userId: string;
  name: string;
  role: Role;
  status: PresenceStatus;
  since: string;
}

type Change = { workspace_id: string; user_id: string; effective_status: PresenceStatus; changed: boolean };

// The effective status an alive agent has: in a call, or what they chose.
const ALIVE_STATUS = `CASE WHEN p.in_call THEN 'in_call' ELSE p.intended_status END`;

/**
 * Presence in PostgreSQL, so every API instance sees the same agents. Heartbeats keep an agent
 * alive; one idempotent sweeper statement marks the silent ones offline on whichever instance runs it.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly realtime: RealtimeEmitter,
  ) {}

  onModuleInit(): void {
    const everyMs = Math.max(250, Math.min(5000, (this.config.offlineAfterSeconds * 1000) / 4));
    this.sweeper = setInterval(() => void this.sweep().catch((e: Error) => this.logger.warn(`Presence sweep failed: ${e.message}`)), everyMs);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** A heartbeat (or a connect): alive now, effective status back to the intended one. */
  async heartbeat(workspaceId: string, userId: string): Promise<PresenceStatus> {
    const [row] = (await this.db.query(
      `WITH prev AS (SELECT effective_status FROM agent_presence WHERE workspace_id = $1 AND user_id = $2 FOR UPDATE)
       INSERT INTO agent_presence AS p (workspace_id, user_id, last_heartbeat_at, effective_status, status_since)
       VALUES ($1, $2, now(), 'online', now())
       ON CONFLICT (workspace_id, user_id) DO UPDATE SET
         last_heartbeat_at = now(),
         effective_status = ${ALIVE_STATUS},
         status_since = CASE WHEN p.effective_status = ${ALIVE_STATUS} THEN p.status_since ELSE now() END
       RETURNING p.workspace_id, p.user_id, p.effective_status,
         p.effective_status IS DISTINCT FROM (SELECT effective_status FROM prev) AS changed`,
      [workspaceId, userId],
    )) as Change[];
    this.announce([row!]);
    return row!.effective_status;
  }

  /** The agent's chosen status; takes effect at once unless they are on a call or offline. */
  async setIntended(workspaceId: string, userId: string, status: IntendedStatus): Promise<PresenceStatus> {
    const [row] = (await this.db.query(
      `WITH prev AS (SELECT effective_status FROM agent_presence WHERE workspace_id = $1 AND user_id = $2 FOR UPDATE)
       INSERT INTO agent_presence AS p (workspace_id, user_id, intended_status, effective_status, last_heartbeat_at, status_since)
       VALUES ($1, $2, $3, $3, now(), now())
       ON CONFLICT (workspace_id, user_id) DO UPDATE SET
         intended_status = $3,
         last_heartbeat_at = now(),
         effective_status = CASE WHEN p.in_call THEN 'in_call' ELSE $3 END,
         status_since = CASE WHEN p.effective_status = (CASE WHEN p.in_call THEN 'in_call' ELSE $3 END) THEN p.status_since ELSE now() END
       RETURNING p.workspace_id, p.user_id, p.effective_status,
         p.effective_status IS DISTINCT FROM (SELECT effective_status FROM prev) AS changed`,
      [workspaceId, userId, status],
    )) as Change[];
    this.announce([row!]);
    return row!.effective_status;
  }

  /** Marks routing's in-call flag; the effective status follows unless the agent is offline. */
  async setInCall(workspaceId: string, userId: string, inCall: boolean): Promise<void> {
    const rows = returnedRows<Change>(await this.db.query(
      `UPDATE agent_presence p SET in_call = $3,
         effective_status = CASE WHEN p.effective_status = 'offline' THEN 'offline' WHEN $3 THEN 'in_call' ELSE p.intended_status END,
         status_since = now()
       WHERE workspace_id = $1 AND user_id = $2
       RETURNING workspace_id, user_id, effective_status, true AS changed`,
      [workspaceId, userId, inCall],
    ));
    this.announce(rows);
  }

  /** One statement, safe on any number of instances: each stale agent is turned offline once. */
  async sweep(): Promise<number> {
    const rows = returnedRows<Change>(await this.db.query(
      `UPDATE agent_presence SET effective_status = 'offline', status_since = now()
        WHERE effective_status <> 'offline' AND (last_heartbeat_at IS NULL OR last_heartbeat_at < now() - make_interval(secs => $1))
        RETURNING workspace_id, user_id, effective_status, true AS changed`,
      [this.config.offlineAfterSeconds],
    ));
    this.announce(rows);
    return rows.length;
  }

  /** Members of the workspace with one of `roles` who may be rung now (effective status online). */
  async onlineUserIds(workspaceId: string, roles: readonly Role[]): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT p.user_id FROM agent_presence p
         JOIN memberships m ON m.workspace_id = p.workspace_id AND m.user_id = p.user_id
        WHERE p.workspace_id = $1 AND p.effective_status = 'online'
          AND p.last_heartbeat_at >= now() - make_interval(secs => $2) AND m.role = ANY($3)`,
      [workspaceId, this.config.offlineAfterSeconds, roles],
    );
    return rows.map((r) => r.user_id);
  }

  async list(workspaceId: string, agents: Array<{ userId: string; name: string; role: Role }>): Promise<PresenceEntry[]> {
    const rows: Array<{ user_id: string; effective_status: PresenceStatus; status_since: Date }> = await this.db.query(
      `SELECT user_id, effective_status, status_since FROM agent_presence WHERE workspace_id = $1`,
      [workspaceId],
    );
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    return agents.map((a) => {
      const r = byUser.get(a.userId);
      return { ...a, status: r?.effective_status ?? 'offline', since: (r?.status_since ?? new Date(0)).toISOString() };
    });
  }

  private announce(rows: Change[]): void {
    for (const r of rows) {
      if (r.changed) this.realtime.toWorkspace(r.workspace_id, 'presence.changed', { userId: r.user_id, status: r.effective_status });
    }
  }
}
