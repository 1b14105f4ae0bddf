import { ApiRequestError } from '@/lib/api-error';

/**
 * Splits validation messages of a 400 into per-field messages (class-validator prefixes each with
 * the property path) and the rest.
 */
export function splitFieldErrors<F extends string>(
  error: unknown,
  fieldsByPath: Record<string, F>,
): { fieldErrors: Partial<Record<F, string>>; otherMessages: string[] } {
  const fieldErrors: Partial<Record<F, string>> = {};
  const otherMessages: string[] = [];
  const messages = error instanceof ApiRequestError ? error.messages : [String(error)];
  const paths = Object.keys(fieldsByPath).sort((a, b) => b.length - a.length);
  for (const message of messages) {
    const path = error instanceof ApiRequestError && error.status === 400 ? paths.find((p) => message.startsWith(`${p} `)) : undefined;
    const field = path ? fieldsByPath[path] : undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = message;
    else otherMessages.push(message);
  }
  return { fieldErrors, otherMessages };
}
