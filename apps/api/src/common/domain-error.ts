import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@ringtonic/contracts';

/** A refusal the user can act on; mapped to HTTP by the global filter. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: HttpStatus,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource') => new DomainError('NOT_FOUND', `${what} not found`, HttpStatus.NOT_FOUND);
export const forbidden = (message = 'Your role does not allow this') =>
  new DomainError('FORBIDDEN', message, HttpStatus.FORBIDDEN);
