import type { DialerStatus, ErrorCode, Plan } from './enums.js';
import type { Permission, PermissionToggles, Role } from './roles.js';

export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
  code: ErrorCode;
  correlationId?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
}

export interface MembershipView {
  workspaceId: string;
  workspaceName: string;
  role: Role;
  permissions: Permission[];
}

export interface AuthResponse {
  accessToken: string;
  expiresAt: string;
  user: UserView;
}

export interface SignupResponse extends AuthResponse {
  workspace: WorkspaceView;
}

export interface MeResponse {
  user: UserView;
  memberships: MembershipView[];
}

export interface TwilioSettingsView {
  accountSid: string | null;
  authTokenSet: boolean;
  accountType: 'Trial' | 'Full' | null;
}

export interface DialerSettingsView {
  enabled: boolean;
  apiKeySid: string | null;
  apiKeySecretSet: boolean;
  twimlAppSid: string | null;
  status: DialerStatus;
  statusMessage: string | null;
}

export interface AiSettingsView {
  enabled: boolean;
  openaiApiKeySet: boolean;
  baseUrl: string | null;
  transcriptionModel: string;
  analysisModel: string;
}

export interface WorkspaceView {
  id: string;
  name: string;
  plan: Plan;
  defaultCountry: string;
  ringTimeoutSeconds: number;
  recordCalls: boolean;
  /** Said to the caller before a recorded call connects (consent notice); null = none. */
  recordingAnnouncement: string | null;
  permissions: PermissionToggles;
  twilio: TwilioSettingsView;
  dialer: DialerSettingsView;
  ai: AiSettingsView;
  createdAt: string;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
  /** Present for admins while the invitation is pending (outbox); null once accepted/revoked. */
  acceptUrl: string | null;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  delivery: 'email' | 'outbox';
}

export interface InvitationPreview {
  email: string;
  role: Role;
  workspaceName: string;
  expiresAt: string;
  userExists: boolean;
}

export interface AcceptInvitationResponse {
  accessToken: string;
  expiresAt: string;
  workspaceId: string;
  role: Role;
  user: UserView;
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  /** Stamped at most once a minute, so up to a minute behind. */
  lastUsedAt: string | null;
  /** Null: never expires. An expired key is refused with 401 `API_KEY_EXPIRED`. */
  expiresAt: string | null;
}

/** The latest expiry an API key may be given, in days from its creation (two years). */
export const API_KEY_MAX_LIFETIME_DAYS = 730;

/** POST /workspaces/:ws/api-keys */
export interface CreateApiKeyRequest {
  name: string;
  /** Optional, ISO 8601, in the future and at most two years ahead. */
  expiresAt?: string | null;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The key itself, shown once. */
  key: string;
}

/** GET /api/health and /api/health/ready (readiness): 503 with `degraded` while the database does not answer. */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
}

/** GET /api/health/live (liveness): 200 while the process runs, whatever the database does. */
export interface LivenessResponse {
  status: 'ok';
}
