import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { DEFAULT_COUNTRY } from '@/features/workspace';

// The API normalises with the workspace's country too; this only shapes what the agent sees.

export function formatAsYouType(text: string, country: CountryCode = DEFAULT_COUNTRY): string {
  const cleaned = text.replace(/[^\d+*#()\-\s.]/g, '');
  // Let people delete a trailing ")" or "-" without the formatter putting it back.
  if (/[\s()\-.]$/.test(text) && cleaned.replace(/\D/g, '').length < 4) return cleaned;
  return new AsYouType(country).input(cleaned);
}

/** E.164 when the text is a possible phone number, else null. */
export function toE164(text: string, country: CountryCode = DEFAULT_COUNTRY): string | null {
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

export function formatPhone(e164: string, country: CountryCode = DEFAULT_COUNTRY): string {
  const parsed = parsePhoneNumberFromString(e164, country);
  if (!parsed) return e164;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}
