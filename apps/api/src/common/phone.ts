import { type CountryCode, parsePhoneNumberWithError, parsePhoneNumberFromString, ParseError, validatePhoneNumberLength } from 'libphonenumber-js';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

const REASONS: Record<string, string> = {
  NOT_A_NUMBER: 'is not a phone number',
  INVALID_COUNTRY: 'needs a country code (start it with +) or a valid default country',
  TOO_SHORT: 'is too short to be a phone number',
  TOO_LONG: 'is too long to be a phone number',
  INVALID_LENGTH: 'does not have the right number of digits',
};

/** Any common format in, E.164 out; numbers typed without + are read in `defaultCountry`. */
export function toE164(raw: string, defaultCountry: string): PhoneResult {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'is required' };
  try {
    const parsed = parsePhoneNumberWithError(text, defaultCountry as CountryCode);
    if (parsed.isValid()) return { ok: true, e164: parsed.number };
    const length = validatePhoneNumberLength(text, defaultCountry as CountryCode);
    const why = length ? REASONS[length] : `is not a valid number in ${parsed.country ?? defaultCountry}`;
    return { ok: false, reason: `"${text}" ${why ?? 'is not a valid phone number'}` };
  } catch (e) {
    const why = e instanceof ParseError ? REASONS[e.message] : undefined;
    return { ok: false, reason: `"${text}" ${why ?? 'is not a valid phone number'}` };
  }
}

/** National format for numbers of the workspace's country, international for the rest. */
export function formatPhone(e164: string, defaultCountry: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational();
}
