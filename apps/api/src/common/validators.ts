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
