import type { Router } from '../http/router.js';
import { sendJson } from '../http/router.js';
import { newSid } from '../state/ids.js';
import type { Store } from '../state/store.js';
import type { Application } from '../state/types.js';
import { authenticate } from './auth.js';
import { bool, listPage, notFound, rfc2822 } from './format.js';

const V = '/2010-04-01';

export function applicationJson(app: Application): Record<string, unknown> {
  return {
    account_sid: app.accountSid,
    api_version: app.apiVersion,
    date_created: rfc2822(app.dateCreated),
    date_updated: rfc2822(app.dateUpdated),
    friendly_name: app.friendlyName,
    message_status_callback: null,
    public_application_connect_enabled: app.publicApplicationConnectEnabled,
    sid: app.sid,
    sms_fallback_method: 'POST',
    sms_fallback_url: null,
    sms_method: 'POST',
    sms_status_callback: null,
    sms_url: null,
    status_callback: app.statusCallback || null,
    status_callback_method: app.statusCallbackMethod,
    uri: `${V}/Accounts/${app.accountSid}/Applications/${app.sid}.json`,
    voice_caller_id_lookup: app.voiceCallerIdLookup,
    voice_fallback_method: app.voiceFallbackMethod,
    voice_fallback_url: app.voiceFallbackUrl || null,
    voice_method: app.voiceMethod,
    voice_url: app.voiceUrl || null,
  };
}

// Applies the form fields Twilio accepts on create and update.
function applyFields(app: Application, form: URLSearchParams): void {
  const text = (name: string, set: (v: string) => void) => {
    if (form.has(name)) set(form.get(name) ?? '');
  };
  text('FriendlyName', (v) => (app.friendlyName = v));
  text('VoiceUrl', (v) => (app.voiceUrl = v));
  text('VoiceMethod', (v) => (app.voiceMethod = (v || 'POST').toUpperCase()));
  text('VoiceFallbackUrl', (v) => (app.voiceFallbackUrl = v));
  text('VoiceFallbackMethod', (v) => (app.voiceFallbackMethod = (v || 'POST').toUpperCase()));
  text('StatusCallback', (v) => (app.statusCallback = v));
  text('StatusCallbackMethod', (v) => (app.statusCallbackMethod = (v || 'POST').toUpperCase()));
  text('ApiVersion', (v) => (app.apiVersion = v || '2010-04-01'));
  if (form.has('VoiceCallerIdLookup')) app.voiceCallerIdLookup = bool(form.get('VoiceCallerIdLookup'), false);
  if (form.has('PublicApplicationConnectEnabled')) {
    app.publicApplicationConnectEnabled = bool(form.get('PublicApplicationConnectEnabled'), false);
  }
}

export function registerApplicationRoutes(router: Router, store: Store): void {
  const base = (accountSid: string) => `${V}/Accounts/${accountSid}/Applications`;
  const find = (accountSid: string, sid: string) => {
    const app = store.applications.get(sid);
    if (!app || app.accountSid !== accountSid) throw notFound(`${base(accountSid)}/${sid}.json`);
    return app;
  };

  router.post(`${V}/Accounts/:accountSid/Applications.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const now = new Date();
    const app: Application = {
      sid: newSid('AP'),
      accountSid: account.sid,
      friendlyName: '',
      voiceUrl: '',
      voiceMethod: 'POST',
      voiceFallbackUrl: '',
      voiceFallbackMethod: 'POST',
      statusCallback: '',
      statusCallbackMethod: 'POST',
      voiceCallerIdLookup: false,
      publicApplicationConnectEnabled: false,
      apiVersion: '2010-04-01',
      dateCreated: now,
      dateUpdated: now,
    };
    applyFields(app, form);
    store.applications.set(app.sid, app);
    store.changed();
    sendJson(res, 201, applicationJson(app));
  });

  router.get(`${V}/Accounts/:accountSid/Applications.json`, ({ req, res, params, query }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const friendlyName = query.get('FriendlyName');
    const apps = store
      .ownedBy(store.applications, account.sid)
      .filter((app) => friendlyName === null || app.friendlyName === friendlyName);
    const page = listPage(`${base(account.sid)}.json`, 'applications', apps, query, applicationJson, {
      FriendlyName: friendlyName,
    });
    sendJson(res, 200, page);
  });

  router.get(`${V}/Accounts/:accountSid/Applications/:sid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    sendJson(res, 200, applicationJson(find(account.sid, params.sid!)));
  });

  router.post(`${V}/Accounts/:accountSid/Applications/:sid.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const app = find(account.sid, params.sid!);
    applyFields(app, form);
    app.dateUpdated = new Date();
    store.changed();
    sendJson(res, 200, applicationJson(app));
  });

  router.delete(`${V}/Accounts/:accountSid/Applications/:sid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    find(account.sid, params.sid!);
    store.applications.delete(params.sid!);
    for (const number of store.ownedBy(store.numbers, account.sid)) {
      if (number.voiceApplicationSid === params.sid) number.voiceApplicationSid = '';
    }
    store.changed();
    res.writeHead(204).end();
  });
}
