import { isSupportedCountry } from 'libphonenumber-js';
import { registerDecorator, type ValidationOptions } from 'class-validator';

export function IsSupportedCountry(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSupportedCountry',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an ISO 3166 alpha-2 country code such as US or GB`, ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && /^[A-Z]{2}$/.test(v) && isSupportedCountry(v) },
    });
}

/** An API base URL: http(s), no credentials, query or fragment (paths are appended to it). */
export function IsApiBaseUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isApiBaseUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an http(s) URL without credentials, query or fragment, such as https://api.openai.com/v1`, ...options },
      validator: {
        validate: (v: unknown) => {
          if (typeof v !== 'string' || v.length > 500) return false;
          try {
            const url = new URL(v);
            return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.search && !url.hash && !v.includes('?') && !v.includes('#');
          } catch {
            return false;
          }
        },
      },
    });
}

/**
 * Changing where a secret is sent needs the secret again: a saved key must never be replayed to a
 * new address (an admin could otherwise read it out through a server of their own).
 */
export function SecretAlongside(secretProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'secretAlongside',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${secretProperty} must be given again when ${String(propertyName)} changes`, ...options },
      validator: { validate: (_: unknown, args) => typeof (args?.object as Record<string, unknown>)[secretProperty] === 'string' },
    });
}
