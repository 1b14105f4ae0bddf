import { ConsoleLogger } from '@nestjs/common';

// Secrets never reach the log: known secret shapes and secret-named JSON fields are masked.
const PATTERNS: Array<[RegExp, string]> = [
  [/\brt_[A-Za-z0-9_-]{16,}/g, 'rt_[redacted]'],
  [/("?(?:authToken|password|apiKeySecret|openaiApiKey|secret|accessToken|refreshToken)"?\s*[:=]\s*"?)[^",\s}]+/gi, '$1[redacted]'],
  [/(Bearer\s+)[A-Za-z0-9._-]+/g, '$1[redacted]'],
  [/(smtps?:\/\/[^:/\s]+:)[^@\s]+@/g, '$1[redacted]@'],
];

export function redact(text: string): string {
  return PATTERNS.reduce((acc, [re, repl]) => acc.replace(re, repl), text);
}

export class RedactingLogger extends ConsoleLogger {
  protected override formatMessage(...args: Parameters<ConsoleLogger['formatMessage']>): string {
    return redact(super.formatMessage(...args));
  }
}
