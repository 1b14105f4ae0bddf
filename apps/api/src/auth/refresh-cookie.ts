import type { CookieOptions, Response } from 'express';
import type { AppConfig } from '../config/app-config.js';
import type { IssuedSession } from './sessions.service.js';

export const REFRESH_COOKIE = 'rt_refresh';

const options = (config: AppConfig): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: config.publicUrl.startsWith('https://'),
  path: '/api/v1/auth',
});

export function setRefreshCookie(res: Response, config: AppConfig, session: IssuedSession): void {
  res.cookie(REFRESH_COOKIE, session.refreshToken, { ...options(config), expires: session.refreshExpiresAt });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, options(config));
}
