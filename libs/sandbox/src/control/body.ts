import { HttpError, type RequestContext } from '../http/router.js';

// Reads a field from a JSON or form body.
export function field(ctx: RequestContext, name: string): string | undefined {
  if (ctx.json && typeof ctx.json === 'object') {
    const value = (ctx.json as Record<string, unknown>)[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : String(value);
  }
  return ctx.form.get(name) ?? undefined;
}

export function numberField(ctx: RequestContext, name: string): number | undefined {
  const raw = field(ctx, name);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw controlError(400, `${name} must be a non-negative number`);
  return value;
}

export function controlError(status: number, message: string, code?: string): HttpError {
  return new HttpError(status, message, { error: message, ...(code ? { code } : {}) });
}

export function oneOf<T extends string>(ctx: RequestContext, name: string, allowed: readonly T[]): T | undefined {
  const value = field(ctx, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw controlError(400, `${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function requireE164(value: string | undefined, name: string): string {
  const e164 = value?.trim().replace(/[\s().-]/g, '');
  if (!e164 || !/^\+[1-9]\d{6,14}$/.test(e164)) throw controlError(400, `${name} must be an E.164 phone number`);
  return e164;
}
