import type { ApiError, ErrorCode } from '@ringtonic/contracts';

// Codes the API may send plus the two the client invents when there is no API body.
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNKNOWN';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly messages: string[];
  readonly body: ApiError | null;

  constructor(status: number, code: ApiErrorCode, messages: string[], body: ApiError | null) {
    super(messages.join('\n') || `Request failed with status ${status}`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.messages = messages.length > 0 ? messages : [this.message];
    this.body = body;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.statusCode === 'number' && (typeof v.message === 'string' || Array.isArray(v.message));
}

export function toApiRequestError(status: number, statusText: string, body: unknown): ApiRequestError {
  if (isApiError(body)) {
    const messages = Array.isArray(body.message) ? body.message.map(String) : [body.message];
    return new ApiRequestError(status, body.code ?? 'UNKNOWN', messages, body);
  }
  return new ApiRequestError(status, 'UNKNOWN', [statusText || `Request failed with status ${status}`], null);
}

/** Human-readable text for a toast: the API's message(s), or the error's own message. */
export function errorMessage(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (error instanceof ApiRequestError) return error.messages.join('\n');
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
