import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@ringtonic/contracts';
import type { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import { databaseOutage } from './database-outage.js';

/** A probe answers within this, or the database counts as down (a blackholed connection must not hang it). */
const PROBE_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService implements OnModuleInit {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    // TypeORM's pool: a new connection (the first query after PostgreSQL is back) ends an outage.
    const pool = (this.db.driver as unknown as { master?: EventEmitter }).master;
    pool?.on('connect', () => databaseOutage.reached());
  }

  /** Ready to serve: the database answers a query. */
  async readiness(): Promise<HealthResponse> {
    let timer: NodeJS.Timeout | undefined;
    const probe = this.db.query('SELECT 1');
    try {
      await Promise.race([
        probe,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS))),
      ]);
      return { status: 'ok', database: 'up' };
    } catch (e) {
      probe.catch(() => undefined);
      databaseOutage.failed('health check', e);
      return { status: 'degraded', database: 'down' };
    } finally {
      clearTimeout(timer);
    }
  }
}
