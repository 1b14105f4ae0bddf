import type { Role, PermissionToggles } from '@ringtonic/contracts';
import type { Request } from 'express';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  name: string;
  sessionFamilyId: string;
}

export interface ApiKeyPrincipal {
  kind: 'apiKey';
  rawKey: string;
}

/** The caller's standing in the workspace named by the route, set by the workspace guard. */
export interface WorkspaceAccess {
  workspaceId: string;
  role: Role;
  userId: string | null;
  apiKeyId: string | null;
  toggles: PermissionToggles;
}

export interface AppRequest extends Request {
  correlationId?: string;
  principal?: UserPrincipal | ApiKeyPrincipal;
  workspaceAccess?: WorkspaceAccess;
}

export const IS_PUBLIC = 'rt:isPublic';
export const IS_WORKSPACE_SCOPED = 'rt:isWorkspaceScoped';
export const REQUIRED_PERMISSION = 'rt:requiredPermission';
