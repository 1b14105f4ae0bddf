import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error.js';
import { type AppRequest, IS_PUBLIC, IS_WORKSPACE_SCOPED, type UserPrincipal } from '../common/request-context.js';
import { SessionsService } from './sessions.service.js';

const unauthenticated = (message = 'Log in first: send Authorization: Bearer <token>') =>
  new DomainError('UNAUTHENTICATED', message, HttpStatus.UNAUTHORIZED);

/**
 * Global: every route needs a user access token unless marked @Public(). Workspace API keys
 * (`rt_…`) are accepted only on workspace routes, where the workspace guard checks them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const token = bearerOf(req);
    if (!token) {
      if (isPublic) return true;
      throw unauthenticated();
    }
    if (token.startsWith('rt_')) {
      const workspaceScoped = this.reflector.getAllAndOverride<boolean>(IS_WORKSPACE_SCOPED, targets) ?? false;
      if (isPublic) return true;
      if (!workspaceScoped) throw unauthenticated('API keys work on workspace routes only (/api/v1/workspaces/:workspaceId/…)');
      req.principal = { kind: 'apiKey', rawKey: token };
      return true;
    }
    const principal = await this.userFromAccessToken(token);
    if (principal) req.principal = principal;
    else if (!isPublic) throw unauthenticated('Your session has expired; refresh or log in again');
    return true;
  }

  async userFromAccessToken(token: string): Promise<UserPrincipal | null> {
    const claims = await this.sessions.signedClaims(token);
    if (!claims) return null;
    const user = await this.sessions.liveUser(claims);
    if (!user) return null;
    return { kind: 'user', userId: user.id, email: user.email, name: user.name, sessionFamilyId: claims.fam };
  }

  /** Whether a login session is still live, whatever its access token's expiry (sockets re-check on heartbeats). */
  async liveSession(userId: string, sessionFamilyId: string): Promise<boolean> {
    return (await this.sessions.liveUser({ sub: userId, fam: sessionFamilyId })) !== null;
  }
}

function bearerOf(req: AppRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}
