import { Logger } from '@nestjs/common';

// Node's socket errors and PostgreSQL's "admin shutdown", "crash shutdown", "cannot connect now";
// every SQLSTATE of class 08 (connection exception) counts too.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03']);
// What pg and pg-pool say without a code: a dropped socket, a connect timeout, a client already broken.
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|is not queryable|Connection terminated due to connection timeout/i;

/** Whether `error` says the database cannot be reached (down, restarting, connection dropped), not that a query is wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (e.driverError) return isDatabaseUnavailable(e.driverError, depth + 1); // TypeORM's QueryFailedError
  return Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1)); // AggregateError (every address refused)
}

type OutageLogger = Pick<Logger, 'error' | 'log'>;

const describe = (error: unknown) => {
  const e = error as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' && e.message ? e.message : String(error);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${message} (${e.code})` : message;
};

/**
 * One log line when the database connection is lost and one when it is back, whoever notices: the
 * HTTP error filter, the job queue, the Socket.IO adapter's LISTEN connection, the pools. Without it
 * every failed request and every poll would log its own error and stack.
 */
export class DatabaseOutage {
  private since: number | null = null;
  private failures = 0;

  constructor(private readonly logger: OutageLogger = new Logger('Database')) {}

  get down(): boolean {
    return this.since !== null;
  }

  /** A database operation failed: true when the connection is the cause (logged once per outage), false for any other error. */
  failed(source: string, error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    if (this.since === null) {
      this.since = Date.now();
      this.failures = 0;
      this.logger.error(`Lost the database connection (${source}: ${describe(error)}); reconnecting, and saying so once it is back`);
    }
    this.failures++;
    return true;
  }

  /** A new connection to the database was made: the outage, if there was one, is over. */
  reached(): void {
    if (this.since === null) return;
    const seconds = ((Date.now() - this.since) / 1000).toFixed(1);
    this.logger.log(`Database connection back after ${seconds} s (${this.failures} failed operation${this.failures === 1 ? '' : 's'} meanwhile)`);
    this.since = null;
  }
}

/** This process's outage state: one API instance runs per process. */
export const databaseOutage = new DatabaseOutage();
