import { ConsoleLogger } from '@nestjs/common';

// Secrets never reach the log: known secret shapes and secret-named JSON fields are masked.
const PATTERNS: Array<[RegExp, string]> = [
  [/\brt_[A-Za-z0-9_-]{16,}/g, 'rt_[redacted]'],
  [/("?(?:authToken|password|apiKeySecret|openaiApiKey|secret|accessToken|refreshToken)"?\s*[:=]\s*"?)[^",\s}]+/gi, '$1[redacted]'],
  [/(Bearer\s+)[A-Za-z0-9._-]+/g, '$1[redacted]'],
  [/(smtps?:\/\/[^:/\s]+:)[^@\s]+@/g, '$1[redacted]@'],
  // Invitation tokens in a URL (SPA /invite/…, API /api/v1/invitations/…); ids (UUIDs) are shorter.
  [/(\/invit(?:e|ations)\/)[A-Za-z0-9_-]{40,}/g, '$1[redacted]'],
];

export function redact(text: string): string {
  return PATTERNS.reduce((acc, [re, repl]) => acc.replace(re, repl), text);
}

// Nest's start-up chatter (one line per module and route) only at debug level.
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication', 'WebSocketsController']);

export class RedactingLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && STARTUP_CONTEXTS.has(context) && !this.isLevelEnabled('debug')) return;
    super.log(message, ...rest);
  }

  protected override formatMessage(...args: Parameters<ConsoleLogger['formatMessage']>): string {
    return redact(super.formatMessage(...args));
  }
}
