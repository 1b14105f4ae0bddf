import { HttpError } from '../http/router.js';

export const OPENAI_PREFIX = '/v1';
// Whisper's upload limit is 25 MB; leave room for the multipart envelope.
export const OPENAI_BODY_LIMIT = 26 * 1024 * 1024;

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function isOpenAiPath(pathname: string): boolean {
  return pathname === OPENAI_PREFIX || pathname.startsWith(`${OPENAI_PREFIX}/`);
}

export function errorType(status: number): string {
  if (status >= 500) return 'server_error';
  if (status === 429) return 'requests';
  return 'invalid_request_error';
}

// An HttpError whose body is OpenAI's `{error: {message, type, param, code}}`.
export function openAiError(status: number, message: string, options: { type?: string; param?: string | null; code?: string | null } = {}): HttpError {
  const body: OpenAiErrorBody = {
    error: { message, type: options.type ?? errorType(status), param: options.param ?? null, code: options.code ?? null },
  };
  return new HttpError(status, message, body);
}

export function missingParameter(param: string): HttpError {
  return openAiError(400, `Missing required parameter: '${param}'.`, { param, code: 'missing_required_parameter' });
}

export function invalidParameter(param: string, message: string): HttpError {
  return openAiError(400, message, { param, code: 'invalid_value' });
}

export function isOpenAiErrorBody(body: unknown): body is OpenAiErrorBody {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'object' && error !== null && 'message' in error && 'type' in error;
}

// Any failure on /v1 answered in OpenAI's error shape.
export function toOpenAiError(err: unknown): HttpError {
  if (err instanceof HttpError) return isOpenAiErrorBody(err.body) ? err : openAiError(err.status, err.message);
  if (err instanceof SyntaxError) {
    return openAiError(400, `We could not parse the JSON body of your request. (${err.message})`);
  }
  return openAiError(500, 'The server had an error while processing your request. Sorry about that!');
}

// OpenAI shows the first five and last four characters of a rejected key.
export function maskKey(key: string): string {
  if (key.length <= 9) return '*'.repeat(key.length);
  return `${key.slice(0, 5)}****${key.slice(-4)}`;
}
