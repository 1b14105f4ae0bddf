import type { Router } from '../http/router.js';
import { sendJson } from '../http/router.js';
import type { Store } from '../state/store.js';
import type { IncomingNumber } from '../state/types.js';
import { authenticate } from './auth.js';
import { bool, listPage, notFound, rfc2822, twilioError } from './format.js';

const V = '/2010-04-01';

export function incomingNumberJson(n: IncomingNumber): Record<string, unknown> {
  const uri = `${V}/Accounts/${n.accountSid}/IncomingPhoneNumbers/${n.sid}.json`;
  return {
    account_sid: n.accountSid,
    address_requirements: 'none',
    address_sid: null,
    api_version: '2010-04-01',
    beta: false,
    bundle_sid: null,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    date_created: rfc2822(n.dateCreated),
    date_updated: rfc2822(n.dateUpdated),
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    emergency_status: 'Inactive',
    friendly_name: n.friendlyName,
    identity_sid: null,
    origin: 'twilio',
    phone_number: n.phoneNumber,
    sid: n.sid,
    sms_application_sid: '',
    sms_fallback_method: 'POST',
    sms_fallback_url: '',
    sms_method: 'POST',
    sms_url: '',
    status: 'in-use',
    status_callback: n.statusCallback,
    status_callback_method: n.statusCallbackMethod,
    subresource_uris: { assigned_add_ons: uri.replace(/\.json$/, '/AssignedAddOns.json') },
    trunk_sid: n.trunkSid,
    uri,
    voice_application_sid: n.voiceApplicationSid,
    voice_caller_id_lookup: n.voiceCallerIdLookup,
    voice_fallback_method: n.voiceFallbackMethod,
    voice_fallback_url: n.voiceFallbackUrl,
    voice_method: n.voiceMethod,
    voice_receive_mode: n.voiceReceiveMode,
    voice_url: n.voiceUrl,
  };
}

function applyFields(store: Store, n: IncomingNumber, form: URLSearchParams): void {
  const text = (name: string, set: (v: string) => void) => {
    if (form.has(name)) set(form.get(name) ?? '');
  };
  const method = (v: string) => (v || 'POST').toUpperCase();
  text('FriendlyName', (v) => (n.friendlyName = v));
  text('VoiceUrl', (v) => (n.voiceUrl = v));
  text('VoiceMethod', (v) => (n.voiceMethod = method(v)));
  text('VoiceFallbackUrl', (v) => (n.voiceFallbackUrl = v));
  text('VoiceFallbackMethod', (v) => (n.voiceFallbackMethod = method(v)));
  text('StatusCallback', (v) => (n.statusCallback = v));
  text('StatusCallbackMethod', (v) => (n.statusCallbackMethod = method(v)));
  text('VoiceReceiveMode', (v) => (n.voiceReceiveMode = v || 'voice'));
  text('TrunkSid', (v) => (n.trunkSid = v || null));
  text('VoiceApplicationSid', (v) => {
    if (v) {
      const app = store.applications.get(v);
      if (!app || app.accountSid !== n.accountSid) {
        throw twilioError(400, 21606, `VoiceApplicationSid ${v} is not an application of this account`);
      }
      n.trunkSid = null; // setting an application clears the trunk (§1.3 notes)
    }
    n.voiceApplicationSid = v;
  });
  if (form.has('VoiceCallerIdLookup')) n.voiceCallerIdLookup = bool(form.get('VoiceCallerIdLookup'), false);
}

export function registerIncomingNumberRoutes(router: Router, store: Store): void {
  const base = (accountSid: string) => `${V}/Accounts/${accountSid}/IncomingPhoneNumbers`;
  const find = (accountSid: string, sid: string) => {
    const n = store.numbers.get(sid);
    if (!n || n.accountSid !== accountSid) throw notFound(`${base(accountSid)}/${sid}.json`);
    return n;
  };

  router.get(`${V}/Accounts/:accountSid/IncomingPhoneNumbers.json`, ({ req, res, params, query }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const phone = query.get('PhoneNumber');
    const friendlyName = query.get('FriendlyName');
    const digits = phone?.replace(/[^\d]/g, '') ?? null;
    const numbers = store
      .ownedBy(store.numbers, account.sid)
      .filter((n) => friendlyName === null || n.friendlyName === friendlyName)
      .filter((n) => !digits || n.phoneNumber.replace(/[^\d]/g, '').includes(digits));
    const filters = { PhoneNumber: phone, FriendlyName: friendlyName, Beta: query.get('Beta'), Origin: query.get('Origin') };
    sendJson(res, 200, listPage(`${base(account.sid)}.json`, 'incoming_phone_numbers', numbers, query, incomingNumberJson, filters));
  });

  router.post(`${V}/Accounts/:accountSid/IncomingPhoneNumbers.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const wanted = form.get('PhoneNumber');
    if (wanted && !/^\+[1-9]\d{6,14}$/.test(wanted)) throw twilioError(400, 21421, 'PhoneNumber is invalid');
    if (wanted && store.findNumberByE164(wanted)) throw twilioError(400, 21422, 'PhoneNumber is not available');
    const n = store.createNumber(account.sid, wanted || store.nextFreeNumber());
    applyFields(store, n, form);
    sendJson(res, 201, incomingNumberJson(n));
  });

  router.get(`${V}/Accounts/:accountSid/IncomingPhoneNumbers/:sid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    sendJson(res, 200, incomingNumberJson(find(account.sid, params.sid!)));
  });

  router.post(`${V}/Accounts/:accountSid/IncomingPhoneNumbers/:sid.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const n = find(account.sid, params.sid!);
    applyFields(store, n, form);
    n.dateUpdated = new Date();
    store.changed();
    sendJson(res, 200, incomingNumberJson(n));
  });

  router.delete(`${V}/Accounts/:accountSid/IncomingPhoneNumbers/:sid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    find(account.sid, params.sid!);
    store.numbers.delete(params.sid!);
    store.changed();
    res.writeHead(204).end();
  });
}
