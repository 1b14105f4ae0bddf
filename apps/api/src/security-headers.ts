import type { RequestHandler } from 'express';
import helmet from 'helmet';

export interface SecurityHeaderOptions {
  /** PUBLIC_URL: HSTS and upgrade-insecure-requests only when it is https. */
  publicUrl: string;
  /** The local Twilio sandbox the browser's SandboxDevice connects to (its WebSocket), when on. */
  sandboxUrl: string | null;
}

/** The Twilio Voice SDK's own origins: signalling (wss://voice-js.<edge>.twilio.com), Insights, sounds. */
const TWILIO_CONNECT = ['https://*.twilio.com', 'wss://*.twilio.com'];
const TWILIO_MEDIA = ['https://sdk.twilio.com'];

/**
 * The Content-Security-Policy of everything the server sends (the SPA, the API, Swagger UI at
 * /api/docs): scripts only from this origin, no framing by anyone. Styles allow inline because
 * Radix (scroll locking) and sonner inject <style> elements at run time; scripts do not.
 * deploy/nginx.conf sends the same policy for what nginx serves: keep the two in step.
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions): Record<string, string[]> {
  const https = new URL(options.publicUrl).protocol === 'https:';
  const sandbox = options.sandboxUrl ? [new URL(options.sandboxUrl).origin, new URL(options.sandboxUrl).origin.replace(/^http/, 'ws')] : [];
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', ...TWILIO_MEDIA],
    // 'self' covers the same origin's ws(s): Socket.IO.
    'connect-src': ["'self'", ...TWILIO_CONNECT, ...sandbox],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** helmet with the policy above: no framing (CSP and X-Frame-Options), nosniff, no Referer, HSTS on https. */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler[] {
  const https = new URL(options.publicUrl).protocol === 'https:';
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      // The SPA opens no cross-origin popups; Twilio's webhooks are server to server.
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }) as RequestHandler,
    (_req, res, next) => {
      // The dialer needs the microphone; nothing else.
      res.setHeader('Permissions-Policy', 'microphone=(self), camera=(), geolocation=(), payment=(), usb=()');
      next();
    },
  ];
}
