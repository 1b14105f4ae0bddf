import { type CanActivate, type ExecutionContext, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, DEFAULT_PERMISSION_TOGGLES, type Permission } from '@ringtonic/contracts';
import { NO_API_KEYS } from '../common/decorators.js';
import { DomainError, forbidden, notFound } from '../common/domain-error.js';
import { type AppRequest, REQUIRED_PERMISSION, type WorkspaceAccess } from '../common/request-context.js';
import { ApiKeysService } from './api-keys.service.js';
import { WorkspaceService } from './workspace.service.js';
import { isUuid } from '../common/uuid.js';

/**
 * Resolves the caller's standing in `:workspaceId` (membership, or an API key of that workspace
 * acting as admin, never owner) and checks the route's permission against the seed's matrix.
 * Not a member → 404, so another workspace's ids are never confirmed to exist. Routes marked
 * @NoApiKeys() refuse keys with 403 API_KEY_FORBIDDEN.
 */
@Injectable()
export class WorkspaceAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly workspaces: WorkspaceService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const workspaceId = String(req.params.workspaceId ?? '');
    const access = await this.resolve(req, workspaceId);
    if (access.apiKeyId) this.assertKeyAllowed(ctx, req);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [ctx.getHandler(), ctx.getClass()]);
    if (permission && !can(access.role, permission, access.toggles)) {
      throw forbidden(`Your role (${access.role}) does not allow this (${permission})`);
    }
    req.workspaceAccess = access;
    return true;
  }

  private async resolve(req: AppRequest, workspaceId: string): Promise<WorkspaceAccess> {
    const principal = req.principal;
    if (!principal) throw new UnauthorizedException();
    if (principal.kind === 'apiKey') {
      const key = await this.apiKeys.resolve(principal.rawKey);
      if (!key) throw new DomainError('UNAUTHENTICATED', 'This API key is not valid or was revoked', HttpStatus.UNAUTHORIZED);
      if (key.expired) {
        throw new DomainError('API_KEY_EXPIRED', `This API key expired at ${key.expiresAt!.toISOString()}; create a new one`, HttpStatus.UNAUTHORIZED);
      }
      if (key.workspaceId !== workspaceId) throw notFound('Workspace');
      const toggles = (await this.workspaces.togglesOf(workspaceId)) ?? DEFAULT_PERMISSION_TOGGLES;
      return { workspaceId, role: 'admin', userId: null, apiKeyId: key.id, toggles };
    }
    if (!isUuid(workspaceId)) throw notFound('Workspace');
    const access = await this.workspaces.accessFor(principal.userId, workspaceId);
    if (!access) throw notFound('Workspace');
    return access;
  }

  private assertKeyAllowed(ctx: ExecutionContext, req: AppRequest): void {
    const rule = this.reflector.getAllAndOverride<true | readonly string[] | undefined>(NO_API_KEYS, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) return;
    if (rule === true) throw new DomainError('API_KEY_FORBIDDEN', 'API keys cannot do this: sign in as an owner or admin', HttpStatus.FORBIDDEN);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const sent = typeof body === 'object' ? rule.filter((f) => Object.hasOwn(body, f) && body[f] !== undefined) : [];
    if (sent.length) {
      throw new DomainError('API_KEY_FORBIDDEN', `API keys cannot change ${sent.join(', ')}: sign in as an owner or admin`, HttpStatus.FORBIDDEN);
    }
  }
}
