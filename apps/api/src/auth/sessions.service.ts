import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { sha256 } from '../common/secret-box.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RealtimeEmitter } from '../realtime/realtime.emitter.js';
import { RefreshSessionEntity } from './entities/refresh-session.entity.js';

export interface IssuedSession {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface AccessClaims {
  sub: string;
  fam: string;
}

/** Short-lived access tokens (JWT, also used by Socket.IO) and rotating refresh tokens. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    @InjectRepository(RefreshSessionEntity) private readonly sessions: Repository<RefreshSessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  start(userId: string): Promise<IssuedSession> {
    return this.issue(userId, randomUUID(), new Date());
  }

  /**
   * Exchanges a refresh token for a new pair; a reused (already rotated) token revokes its family.
   * A session past its absolute lifetime (SESSION_MAX_DAYS from login) is not renewed.
   */
  async rotate(refreshToken: string): Promise<{ userId: string; session: IssuedSession } | null> {
    const current = await this.sessions.findOne({ where: { tokenHash: sha256(refreshToken) } });
    const now = new Date();
    if (!current || current.revokedAt || current.expiresAt <= now || this.sessionEnd(current.authenticatedAt) <= now) return null;
    const claimed = await this.sessions.update({ id: current.id, rotatedAt: IsNull() }, { rotatedAt: new Date() });
    if (!claimed.affected) {
      this.logger.warn(`Refresh token reuse for user ${current.userId}: revoking its session family`);
      await this.revokeFamily(current.familyId);
      return null;
    }
    return { userId: current.userId, session: await this.issue(current.userId, current.familyId, current.authenticatedAt) };
  }

  async revokeByRefreshToken(refreshToken: string): Promise<void> {
    const current = await this.sessions.findOne({ where: { tokenHash: sha256(refreshToken) } });
    if (current) await this.revokeFamily(current.familyId);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.sessions.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.realtime.disconnectSession(familyId); // its live sockets end too, on every instance
  }

  /** The claims of a well-signed, unexpired access token; whether its session is live is `liveUser`. */
  async signedClaims(token: string): Promise<AccessClaims | null> {
    try {
      return await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
  }

  /**
   * Who the token's user is, if its session is still live (a logged-out or over-age session's access
   * tokens stop working at once, not at expiry): one statement on every authenticated request.
   */
  async liveUser(claims: AccessClaims): Promise<{ id: string; email: string; name: string } | null> {
    const [row] = (await this.sessions.query(
      `SELECT u.id, u.email::text AS email, u.name FROM users u
        WHERE u.id = $1 AND EXISTS (SELECT 1 FROM refresh_sessions s WHERE s.family_id = $2 AND s.revoked_at IS NULL
                                       AND s.authenticated_at > now() - make_interval(days => $3))`,
      [claims.sub, claims.fam, this.config.sessionMaxDays],
    )) as Array<{ id: string; email: string; name: string }>;
    return row ?? null;
  }

  private sessionEnd(authenticatedAt: Date): Date {
    return new Date(authenticatedAt.getTime() + this.config.sessionMaxDays * 86400_000);
  }

  /** A new refresh token and access token, neither outliving the session's absolute end. */
  private async issue(userId: string, familyId: string, authenticatedAt: Date): Promise<IssuedSession> {
    const end = this.sessionEnd(authenticatedAt).getTime();
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Math.min(Date.now() + this.config.refreshTokenTtlDays * 86400_000, end));
    await this.sessions.save(
      this.sessions.create({ userId, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshExpiresAt, authenticatedAt }),
    );
    const ttlSeconds = Math.max(1, Math.min(this.config.accessTokenTtlSeconds, Math.floor((end - Date.now()) / 1000)));
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const accessToken = await this.jwt.signAsync({ sub: userId, fam: familyId } satisfies AccessClaims, {
      expiresIn: ttlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, expiresAt, refreshToken, refreshExpiresAt };
  }
}
