import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PgBoss, type JobWithMetadata, type Queue, type SendOptions } from 'pg-boss';
import type { PoolClient } from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { databaseOutage } from '../health/database-outage.js';

export const JOBS_DATABASE_URL = Symbol('JOBS_DATABASE_URL');

/** Seconds a stopping instance lets running jobs finish before failing them back to the queue. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Durable background jobs on pg-boss, in the same PostgreSQL (schema `pgboss`): retried with
 * backoff, taken over by another instance when one dies, and sendable inside a transaction so a
 * job exists exactly when the row that asked for it does.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly boss: PgBoss;

  constructor(@Inject(JOBS_DATABASE_URL) databaseUrl: string, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      max: 4,
      superviseIntervalSeconds: Math.max(1, Math.min(60, Math.floor(config.jobs.aiJobTimeoutSeconds / 2))),
    });
    // pg-boss reports every failed poll and maintenance run; a lost connection is logged once per outage.
    // Its pool reconnects on the next poll, so the workers carry on once PostgreSQL is back.
    this.boss.on('error', (e: Error) => {
      if (!databaseOutage.failed('job queue', e)) this.logger.error(`Job queue: ${e.message}`);
    });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: SHUTDOWN_GRACE_MS });
  }

  async createQueue(name: string, options: Omit<Queue, 'name'>): Promise<void> {
    // Options may change between releases: create once, then keep them current (a policy is fixed).
    if (!(await this.boss.getQueue(name))) return this.boss.createQueue(name, options);
    const { policy: _fixed, ...changeable } = options;
    await this.boss.updateQueue(name, changeable);
  }

  /** Sends a job; with `tx`, inside that transaction (committed or rolled back with it). */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}, tx?: PoolClient): Promise<string | null> {
    const db = tx ? { executeSql: (text: string, values?: unknown[]) => tx.query(text, values as unknown[]) } : undefined;
    return this.boss.send(name, data, { ...options, ...(db ? { db } : {}) });
  }

  /** Runs `concurrency` jobs at once per instance, so one slow job does not hold up the rest. */
  async work<T extends object>(name: string, concurrency: number, handler: (job: JobWithMetadata<T>) => Promise<void>): Promise<void> {
    const options = { pollingIntervalSeconds: this.config.jobs.pollSeconds, batchSize: 1, localConcurrency: concurrency, includeMetadata: true } as const;
    await this.boss.work<T, void, typeof options>(name, options, async ([job]) => {
      if (job) await handler(job);
    });
  }
}
