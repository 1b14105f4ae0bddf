import jwt from 'jsonwebtoken';
import type { Store } from '../state/store.js';
import type { Account, ApiKey } from '../state/types.js';

export interface VoiceGrant {
  incoming?: { allow?: boolean };
  outgoing?: { application_sid?: string; params?: Record<string, unknown> };
}

export interface VerifiedToken {
  identity: string;
  account: Account;
  key: ApiKey;
  voice: VoiceGrant;
  expiresAt: number;
  ttlSeconds: number;
}

export class TokenError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_TTL_SECONDS = 24 * 3600;
const IDENTITY = /^[^\s\x00-\x1f"<>#%{}|\\^`[\]]{1,256}$/;

// Verifies a Twilio Access Token (§4): signed with the API key secret named by `iss`, for the
// account in `sub`, unexpired, at most 24 h long, with an identity and a voice grant.
export function verifyAccessToken(store: Store, token: string): VerifiedToken {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object') throw new TokenError(20101, 'Invalid Access Token');
  const payload = decoded.payload as jwt.JwtPayload & { grants?: { identity?: string; voice?: VoiceGrant } };
  const key = payload.iss ? store.keys.get(payload.iss) : undefined;
  if (!key) throw new TokenError(20101, 'Invalid Access Token issuer/subject');
  try {
    jwt.verify(token, key.secret, { algorithms: ['HS256', 'HS384', 'HS512'] });
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw new TokenError(20104, 'Access Token expired or expiration date invalid');
    throw new TokenError(20101, `Invalid Access Token: ${err instanceof Error ? err.message : String(err)}`);
  }
  const account = payload.sub ? store.accounts.get(payload.sub) : undefined;
  if (!account || key.accountSid !== account.sid) throw new TokenError(20101, 'Invalid Access Token issuer/subject');
  if (account.status !== 'active') throw new TokenError(20151, 'Account is not active');
  if (key.keyType === 'restricted') throw new TokenError(20151, 'Restricted API keys cannot mint Access Tokens');
  if (typeof payload.exp !== 'number') throw new TokenError(20101, 'Access Token has no expiration');
  const now = Math.floor(Date.now() / 1000);
  const from = typeof payload.nbf === 'number' ? payload.nbf : (payload.iat ?? now);
  if (payload.exp - from > MAX_TTL_SECONDS) throw new TokenError(31207, 'JWT token expiration too long');
  const identity = payload.grants?.identity;
  if (!identity || !IDENTITY.test(identity)) throw new TokenError(31105, 'Access Token has no valid identity');
  const voice = payload.grants?.voice;
  if (!voice) throw new TokenError(20101, 'Access Token has no voice grant');
  return { identity, account, key, voice, expiresAt: payload.exp, ttlSeconds: Math.max(0, payload.exp - now) };
}
