import { Logger } from '@nestjs/common';
import type { EmbeddedDatabase, PostgresExit } from './embedded-postgres.js';

export interface SupervisorOptions {
  /** Restarts allowed within `windowMs` (each exit and each failed start counts); beyond them it gives up. */
  maxRestarts?: number;
  windowMs?: number;
  /** Pause before the n-th restart of the window (n from 1). */
  backoffMs?: (n: number) => number;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
}

export type SupervisorState = 'running' | 'restarting' | 'gave-up' | 'stopped';

const DEFAULTS = { maxRestarts: 5, windowMs: 60_000, backoffMs: (n: number) => Math.min(250 * 2 ** (n - 1), 8_000) };

const describeExit = ({ code, signal }: PostgresExit) => (signal ? `killed by ${signal}` : `exit code ${code}`);

/**
 * Keeps the embedded PostgreSQL running under `npm start`: when the postmaster exits without being
 * asked to (killed, crashed), it is started again on the same data dir and port, with the crash
 * recovery of startEmbeddedPostgres. The URL never changes, so the API's pools reconnect on their
 * next query. Backs off between attempts and gives up, saying so, after too many in a minute.
 */
export class PostgresSupervisor implements EmbeddedDatabase {
  private current: EmbeddedDatabase;
  private status: SupervisorState = 'running';
  private readonly restarts: number[] = [];
  private restarting: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly options: Required<SupervisorOptions>;

  private constructor(
    private readonly start: () => Promise<EmbeddedDatabase>,
    first: EmbeddedDatabase,
    options: SupervisorOptions,
  ) {
    this.options = { ...DEFAULTS, logger: new Logger(PostgresSupervisor.name), ...options };
    this.current = first;
    this.watch(first);
  }

  /** Starts PostgreSQL with `start` (a failure there is the caller's) and supervises it from then on. */
  static async supervise(start: () => Promise<EmbeddedDatabase>, options: SupervisorOptions = {}): Promise<PostgresSupervisor> {
    return new PostgresSupervisor(start, await start(), options);
  }

  get url(): string {
    return this.current.url;
  }

  get state(): SupervisorState {
    return this.status;
  }

  /** Stops supervising, then PostgreSQL (waiting for a restart under way to finish first). */
  async stop(): Promise<void> {
    if (this.status === 'stopped') return;
    this.status = 'stopped';
    this.wake?.();
    await this.restarting;
    await this.current.stop();
  }

  private watch(db: EmbeddedDatabase): void {
    void db.exited?.then((exit) => {
      if (this.status !== 'running' || db !== this.current) return; // asked to stop, or replaced
      this.options.logger.error(`PostgreSQL exited unexpectedly (${describeExit(exit)}); restarting it`);
      this.restarting = this.restart().finally(() => (this.restarting = null));
    });
  }

  private async restart(): Promise<void> {
    this.status = 'restarting';
    const began = Date.now();
    while (this.status === 'restarting') {
      const now = Date.now();
      this.restarts.push(now);
      while (this.restarts.length && now - this.restarts[0]! > this.options.windowMs) this.restarts.shift();
      if (this.restarts.length > this.options.maxRestarts) {
        this.status = 'gave-up';
        this.options.logger.error(
          `PostgreSQL failed ${this.restarts.length} times within ${Math.round(this.options.windowMs / 1000)} s: no longer restarting it. ` +
            'The API keeps running without its database (readiness reports 503); fix the cause in the PostgreSQL lines above and restart Ring Tonic.',
        );
        return;
      }
      await this.pause(this.options.backoffMs(this.restarts.length));
      if (this.status !== 'restarting') return;
      try {
        const db = await this.start();
        if (this.status !== 'restarting') return void (await db.stop()); // stopped meanwhile
        this.current = db;
        this.status = 'running';
        this.watch(db);
        this.options.logger.log(`PostgreSQL restarted (down ${((Date.now() - began) / 1000).toFixed(1)} s)`);
      } catch (e) {
        this.options.logger.error(`PostgreSQL did not restart: ${(e as Error).message}`);
      }
    }
  }

  /** Waits `ms`, or less when stop() is called. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
