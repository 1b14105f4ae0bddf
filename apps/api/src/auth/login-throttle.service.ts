import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { clientNetwork } from './client-network.js';

/** Hard keys (one email from one network; one network) count in fixed windows of this length. */
const WINDOW_SECONDS = 15 * 60;
/** The account-wide key: checked failures from every network in a day... */
const ACCOUNT_WINDOW_SECONDS = 24 * 3600;
/** ...and the longest wait it imposes between two checks once past its free allowance. */
const ACCOUNT_MAX_DELAY_SECONDS = 300;
/** A network this account signed in from within this many days skips the account-wide slow-down. */
const KNOWN_NETWORK_DAYS = 30;

/** One claimed attempt: which keys it counted on, to settle them when the password is right. */
export interface LoginAttempt {
  pair: string;
  network: string;
  account: string;
  known: string;
}

interface ClaimRow {
  hard_wait: number | null;
  known: boolean;
  account_claimed: boolean;
  soft_wait: number | null;
}

/**
 * Password checks (login, accepting an invitation as an existing user) are claimed in PostgreSQL
 * *before* argon2 runs, in one statement, so the limits hold across instances and under any
 * concurrency; a success settles the claim. Three keys (docs/decisions.md, "Login throttle"):
 * - `pair:<network>|<email>`: LOGIN_MAX_ATTEMPTS per 15 minutes, hard (429 until the window ends);
 * - `net:<network>`: ten times that across all emails, hard (one address spraying many accounts);
 * - `account:<email>`: counts the checks that passed both; past 2 × LOGIN_MAX_ATTEMPTS in a day it
 *   allows one check per growing interval (1 s, 2 s, 4 s … 5 min) — a slow-down, never a lockout,
 *   and networks the user signed in from recently are exempt, so a stranger cannot lock them out.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Claims one password check for `email` from `ip`, or refuses it with 429 (nothing counted on the account). */
  async claim(email: string, ip: string | undefined): Promise<LoginAttempt> {
    const attempt = this.keysFor(email, ip);
    const max = this.config.loginMaxAttempts;
    const [row] = (await this.db.query(
      `WITH hard AS (
         INSERT INTO login_attempts AS a (key, failures, window_started_at)
         SELECT k, 1, now() FROM unnest($1::text[]) AS k
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN a.window_started_at > now() - make_interval(secs => $2) THEN a.failures + 1 ELSE 1 END,
           window_started_at = CASE WHEN a.window_started_at > now() - make_interval(secs => $2) THEN a.window_started_at ELSE now() END
         RETURNING a.key, a.failures, a.window_started_at
       ),
       over AS (
         SELECT window_started_at FROM hard WHERE failures > CASE WHEN key = ($1::text[])[2] THEN $4::int ELSE $3::int END
       ),
       known AS (
         SELECT EXISTS (SELECT 1 FROM login_attempts WHERE key = $5 AND window_started_at > now() - make_interval(days => $6)) AS yes
       ),
       account AS (
         INSERT INTO login_attempts AS a (key, failures, window_started_at, last_attempt_at)
         SELECT $7, 1, now(), now() WHERE NOT EXISTS (SELECT 1 FROM over) AND NOT (SELECT yes FROM known)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN a.window_started_at > now() - make_interval(secs => $8) THEN a.failures + 1 ELSE 1 END,
           window_started_at = CASE WHEN a.window_started_at > now() - make_interval(secs => $8) THEN a.window_started_at ELSE now() END,
           last_attempt_at = now()
         WHERE a.window_started_at <= now() - make_interval(secs => $8)
            OR a.failures < $9::int
            OR a.last_attempt_at IS NULL
            OR a.last_attempt_at + make_interval(secs => least(power(2, least(a.failures - $9::int, 20)), $10)) <= now()
         RETURNING a.failures
       )
       SELECT (SELECT ceil(extract(epoch FROM max(window_started_at) + make_interval(secs => $2) - now()))::int FROM over) AS hard_wait,
              (SELECT yes FROM known) AS known,
              EXISTS (SELECT 1 FROM account) AS account_claimed,
              (SELECT ceil(extract(epoch FROM last_attempt_at + make_interval(secs => least(power(2, least(failures - $9::int, 20)), $10)) - now()))::int
                 FROM login_attempts WHERE key = $7) AS soft_wait`,
      [
        [attempt.pair, attempt.network],
        WINDOW_SECONDS,
        max,
        10 * max,
        attempt.known,
        KNOWN_NETWORK_DAYS,
        attempt.account,
        ACCOUNT_WINDOW_SECONDS,
        2 * max,
        ACCOUNT_MAX_DELAY_SECONDS,
      ],
    )) as ClaimRow[];
    if (row!.hard_wait !== null) throw tooMany(Math.max(1, row!.hard_wait), 'from your network');
    if (!row!.known && !row!.account_claimed) {
      // Waiting out the account's slow-down must not use up this network's own allowance.
      await this.db.query(`UPDATE login_attempts SET failures = greatest(failures - 1, 0) WHERE key = ANY($1)`, [[attempt.pair, attempt.network]]);
      throw tooMany(Math.max(1, row!.soft_wait ?? 1), 'for this account');
    }
    return attempt;
  }

  /** The password was right: the claim was not a failure, and this network is now known for the account. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.db.query(
      `WITH cleared AS (DELETE FROM login_attempts WHERE key = ANY($1)),
            settled AS (UPDATE login_attempts SET failures = greatest(failures - 1, 0) WHERE key = $2)
       ${rememberSql('$3')}`,
      [[attempt.pair, attempt.account], attempt.network, attempt.known],
    );
  }

  /** A new account (signup, invitation) starts out knowing the network it was created from. */
  async remember(email: string, ip: string | undefined): Promise<void> {
    await this.db.query(rememberSql('$1'), [this.keysFor(email, ip).known]);
  }

  private keysFor(email: string, ip: string | undefined): LoginAttempt {
    const address = email.trim().toLowerCase();
    const network = clientNetwork(ip);
    return { pair: `pair:${network}|${address}`, network: `net:${network}`, account: `account:${address}`, known: `known:${network}|${address}` };
  }
}

const rememberSql = (keyParam: string) => `INSERT INTO login_attempts (key, failures, window_started_at) VALUES (${keyParam}, 0, now())
       ON CONFLICT (key) DO UPDATE SET window_started_at = now()`;

function tooMany(retryAfterSeconds: number, scope: string): DomainError {
  const wait = retryAfterSeconds >= 90 ? `${Math.ceil(retryAfterSeconds / 60)} minutes` : `${retryAfterSeconds} seconds`;
  return new DomainError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins ${scope}; try again in ${wait}`, HttpStatus.TOO_MANY_REQUESTS, {
    retryAfterSeconds,
  });
}
