import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

const WINDOW_MINUTES = 15;

/**
 * Failed logins counted per email and per client address in PostgreSQL, so the limit holds
 * across API instances. After LOGIN_MAX_ATTEMPTS failures in 15 minutes: 429 until the window ends.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Keys for one attempt: the email (strict limit) and the client address (ten times looser, for shared offices). */
  keysFor(email: string, ip: string): string[] {
    return [`email:${email.toLowerCase()}`, `ip:${ip}`];
  }

  async assertAllowed(keys: string[]): Promise<void> {
    const rows: Array<{ key: string; failures: number }> = await this.db.query(
      `SELECT key, failures FROM login_attempts
        WHERE key = ANY($1) AND window_started_at > now() - make_interval(mins => $2)`,
      [keys, WINDOW_MINUTES],
    );
    const limitOf = (key: string) => (key.startsWith('ip:') ? 10 : 1) * this.config.loginMaxAttempts;
    if (rows.some((r) => r.failures >= limitOf(r.key))) {
      throw new DomainError('TOO_MANY_ATTEMPTS', `Too many failed logins; try again in ${WINDOW_MINUTES} minutes`, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  async recordFailure(keys: string[]): Promise<void> {
    await this.db.query(
      `INSERT INTO login_attempts (key, failures, window_started_at)
       SELECT k, 1, now() FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_attempts.window_started_at > now() - make_interval(mins => $2)
                         THEN login_attempts.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN login_attempts.window_started_at > now() - make_interval(mins => $2)
                         THEN login_attempts.window_started_at ELSE now() END`,
      [keys, WINDOW_MINUTES],
    );
  }

  async clear(keys: string[]): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE key = ANY($1)`, [keys]);
  }
}
