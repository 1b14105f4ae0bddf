import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata, UseGuards, type Type, type CanActivate } from '@nestjs/common';
import { ApiBearerAuth, ApiParam } from '@nestjs/swagger';
import type { Permission } from '@ringtonic/contracts';
import { type AppRequest, IS_PUBLIC, IS_WORKSPACE_SCOPED, REQUIRED_PERMISSION, type UserPrincipal, type WorkspaceAccess } from './request-context.js';

/** No authentication (signup, login, webhooks with their own signature check, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Marks a controller as living under /workspaces/:workspaceId, guarded by the workspace access guard. */
export function WorkspaceScoped(guard: Type<CanActivate>) {
  return applyDecorators(
    SetMetadata(IS_WORKSPACE_SCOPED, true),
    UseGuards(guard),
    ApiBearerAuth(),
    ApiParam({ name: 'workspaceId', format: 'uuid' }),
  );
}

/** The permission (a cell of the seed's matrix) a route needs. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

export const Access = createParamDecorator((_: unknown, ctx: ExecutionContext): WorkspaceAccess => {
  const access = ctx.switchToHttp().getRequest<AppRequest>().workspaceAccess;
  if (!access) throw new Error('Access used on a route without the workspace guard');
  return access;
});

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserPrincipal => {
  const principal = ctx.switchToHttp().getRequest<AppRequest>().principal;
  if (principal?.kind !== 'user') throw new Error('CurrentUser used on a route that allows API keys');
  return principal;
});

export const NO_API_KEYS = 'rt:noApiKeys';

/**
 * Refused to workspace API keys (403 API_KEY_FORBIDDEN), enforced by the workspace guard: routes that
 * mint keys, manage people or hold credentials need a signed-in user. With `bodyFields`, only a body
 * carrying one of those fields is refused (e.g. the Twilio and AI parts of the settings).
 */
export const NoApiKeys = (options: { bodyFields?: readonly string[] } = {}) =>
  SetMetadata(NO_API_KEYS, options.bodyFields ?? true);
