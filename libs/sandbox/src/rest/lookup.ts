import { createHash } from 'node:crypto';
import type { Router } from '../http/router.js';
import { sendJson } from '../http/router.js';
import type { Store } from '../state/store.js';
import { authenticate } from './auth.js';

const FAKE_NAMES: Array<{ name: string; type: 'CONSUMER' | 'BUSINESS' }> = [
  { name: 'JANE DOE', type: 'CONSUMER' },
  { name: 'ACME PLUMBING', type: 'BUSINESS' },
  { name: 'ROBERT SMITH', type: 'CONSUMER' },
  { name: 'MARIA GARCIA', type: 'CONSUMER' },
  { name: 'BLUE SKY DENTAL', type: 'BUSINESS' },
  { name: 'WEI CHEN', type: 'CONSUMER' },
  { name: 'NORTHSIDE AUTO', type: 'BUSINESS' },
];

// Deterministic caller name: US numbers ending in 0–4 have none; others get a name picked by
// a hash of the number. A pretend phone's `callerName` (PUT /sandbox/phones) overrides both.
export function fakeCallerName(store: Store, e164: string): { caller_name: string | null; caller_type: string | null; error_code: number | null } {
  const configured = store.phones.get(e164)?.callerName;
  if (configured !== undefined) {
    return { caller_name: configured, caller_type: configured ? 'CONSUMER' : null, error_code: null };
  }
  if (!e164.startsWith('+1')) return { caller_name: null, caller_type: null, error_code: 60600 };
  const last = Number(e164.at(-1));
  if (Number.isNaN(last) || last <= 4) return { caller_name: null, caller_type: null, error_code: null };
  const idx = createHash('sha1').update(e164).digest()[0]! % FAKE_NAMES.length;
  const pick = FAKE_NAMES[idx]!;
  return { caller_name: pick.name, caller_type: pick.type, error_code: null };
}

const COUNTRY_BY_CODE: Array<[string, string]> = [
  ['1', 'US'], ['44', 'GB'], ['33', 'FR'], ['49', 'DE'], ['34', 'ES'], ['39', 'IT'], ['61', 'AU'], ['31', 'NL'],
];

function describe(e164: string): { valid: boolean; country: string | null; callingCode: string | null; national: string | null } {
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return { valid: false, country: null, callingCode: null, national: null };
  const digits = e164.slice(1);
  const hit = COUNTRY_BY_CODE.find(([code]) => digits.startsWith(code));
  if (!hit) return { valid: true, country: null, callingCode: null, national: e164 };
  const [code, country] = hit;
  const rest = digits.slice(code.length);
  if (code === '1') {
    const valid = rest.length === 10;
    return { valid, country, callingCode: code, national: valid ? `(${rest.slice(0, 3)}) ${rest.slice(3, 6)}-${rest.slice(6)}` : null };
  }
  return { valid: true, country, callingCode: code, national: `0${rest}` };
}

export function registerLookupRoutes(router: Router, store: Store): void {
  router.get('/v2/PhoneNumbers/:number', ({ req, res, params, query }) => {
    authenticate(store, req);
    const raw = params.number!.trim();
    const e164 = raw.startsWith('+') ? raw : `+${raw.replace(/^\s+/, '')}`;
    const fields = (query.get('Fields') ?? '').split(',').map((f) => f.trim());
    const info = describe(e164);
    sendJson(res, 200, {
      call_forwarding: null,
      caller_name: fields.includes('caller_name') && info.valid ? fakeCallerName(store, e164) : null,
      calling_country_code: info.callingCode,
      country_code: info.country,
      disposable_phone_number_risk: null,
      identity_match: null,
      line_status: null,
      line_type_intelligence: null,
      live_activity: null,
      national_format: info.national,
      phone_number: info.valid ? e164 : raw,
      phone_number_quality_score: null,
      pre_fill: null,
      reassigned_number: null,
      sim_swap: null,
      sms_pumping_risk: null,
      url: `https://lookups.twilio.com/v2/PhoneNumbers/${encodeURIComponent(e164)}`,
      valid: info.valid,
      validation_errors: info.valid ? [] : ['INVALID_BUT_POSSIBLE'],
    });
  });
}
