import type { Telephony } from '../calls/telephony.js';
import type { Router } from '../http/router.js';
import { sendJson } from '../http/router.js';
import type { Store } from '../state/store.js';
import { formatUsFriendly } from '../state/store.js';
import type { CallRecord } from '../state/types.js';
import { authenticate } from './auth.js';
import { listPage, notFound, rfc2822, twilioError } from './format.js';

const V = '/2010-04-01';

export function callJson(r: CallRecord, durationSeconds: number): Record<string, unknown> {
  const uri = `${V}/Accounts/${r.accountSid}/Calls/${r.sid}.json`;
  const sub = (name: string) => uri.replace(/\.json$/, `/${name}.json`);
  const ended = ['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(r.status);
  return {
    account_sid: r.accountSid,
    annotation: null,
    answered_by: null,
    api_version: '2010-04-01',
    caller_name: r.callerName,
    date_created: rfc2822(r.dateCreated),
    date_updated: rfc2822(r.dateUpdated),
    direction: r.direction,
    duration: ended ? String(durationSeconds) : null,
    end_time: rfc2822(r.endTime),
    forwarded_from: null,
    from: r.from,
    from_formatted: formatUsFriendly(r.from),
    group_sid: null,
    parent_call_sid: r.parentCallSid,
    phone_number_sid: r.phoneNumberSid,
    price: ended ? '0.00000' : null,
    price_unit: 'USD',
    queue_time: '0',
    sid: r.sid,
    start_time: rfc2822(r.startTime),
    status: r.status,
    subresource_uris: {
      notifications: sub('Notifications'), recordings: sub('Recordings'), payments: sub('Payments'),
      events: sub('Events'), siprec: sub('Siprec'), streams: sub('Streams'), transcriptions: sub('Transcriptions'),
      user_defined_message_subscriptions: sub('UserDefinedMessageSubscriptions'),
      user_defined_messages: sub('UserDefinedMessages'),
    },
    to: r.to,
    to_formatted: formatUsFriendly(r.to),
    trunk_sid: null,
    uri,
  };
}

export function registerCallRoutes(router: Router, store: Store, telephony: Telephony): void {
  const { engine } = telephony;
  const base = (accountSid: string) => `${V}/Accounts/${accountSid}/Calls`;
  const find = (accountSid: string, sid: string) => {
    const record = store.calls.get(sid);
    if (!record || record.accountSid !== accountSid) throw notFound(`${base(accountSid)}/${sid}.json`);
    return record;
  };
  const json = (r: CallRecord) => callJson(r, engine.durationSeconds(r));

  router.get(`${V}/Accounts/:accountSid/Calls.json`, ({ req, res, params, query }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const f = { To: query.get('To'), From: query.get('From'), ParentCallSid: query.get('ParentCallSid'), Status: query.get('Status') };
    const calls = store
      .ownedBy(store.calls, account.sid)
      .reverse() // newest first, as Twilio lists calls
      .filter((c) => (!f.To || c.to === f.To) && (!f.From || c.from === f.From))
      .filter((c) => (!f.ParentCallSid || c.parentCallSid === f.ParentCallSid) && (!f.Status || c.status === f.Status));
    sendJson(res, 200, listPage(`${base(account.sid)}.json`, 'calls', calls, query, json, f));
  });

  router.get(`${V}/Accounts/:accountSid/Calls/:sid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    sendJson(res, 200, json(find(account.sid, params.sid!)));
  });

  router.post(`${V}/Accounts/:accountSid/Calls/:sid.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const record = find(account.sid, params.sid!);
    const live = engine.live.get(record.sid);
    const status = form.get('Status') ?? undefined;
    if (status && status !== 'canceled' && status !== 'completed') {
      throw twilioError(400, 21218, `Invalid Status ${status}: use canceled or completed`);
    }
    if (form.has('Url') && form.has('Twiml')) throw twilioError(400, 21220, 'Url and Twiml are mutually exclusive');
    if (!live) throw twilioError(400, 21220, 'Call is not in-progress. Cannot redirect.');
    telephony.updateCall(live, {
      status,
      url: form.get('Url') ?? undefined,
      method: form.get('Method') ?? undefined,
      twiml: form.get('Twiml') ?? undefined,
    });
    sendJson(res, 200, json(record));
  });

  router.delete(`${V}/Accounts/:accountSid/Calls/:sid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const record = find(account.sid, params.sid!);
    if (engine.live.has(record.sid)) throw twilioError(400, 21220, 'Cannot delete a call that is in progress');
    store.calls.delete(record.sid);
    res.writeHead(204).end();
  });

  router.post(`${V}/Accounts/:accountSid/Calls.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const to = form.get('To');
    const from = form.get('From');
    if (!to) throw twilioError(400, 21201, 'No \'To\' number is specified');
    if (!from) throw twilioError(400, 21213, 'No \'From\' number is specified');
    const url = form.get('Url');
    const twiml = form.get('Twiml');
    const appSid = form.get('ApplicationSid');
    const app = appSid ? store.applications.get(appSid) : undefined;
    if (appSid && (!app || app.accountSid !== account.sid)) throw twilioError(400, 21205, 'ApplicationSid is invalid');
    if (!url && !twiml && !app) throw twilioError(400, 21205, 'Url, Twiml or ApplicationSid is required');
    if (!from.startsWith('client:') && store.findNumberByE164(from)?.accountSid !== account.sid) {
      throw twilioError(400, 21210, `The source phone number provided, ${from}, is not yet verified for your account`);
    }
    const cbUrl = form.get('StatusCallback');
    const events = form.getAll('StatusCallbackEvent').flatMap((e) => e.split(/[\s,]+/)).filter(Boolean);
    const call = telephony.originate({
      account, from, to,
      next: twiml ? { kind: 'twiml', twiml } : { kind: 'fetch', url: url ?? app!.voiceUrl, method: form.get('Method') ?? app?.voiceMethod ?? 'POST' },
      statusCallback: cbUrl ? { url: cbUrl, method: form.get('StatusCallbackMethod') ?? 'POST', events: new Set(events.length ? events : ['completed']) } : null,
      timeoutSeconds: Number(form.get('Timeout') ?? 60),
      applicationSid: app?.sid ?? null,
    });
    sendJson(res, 201, json(call.record));
  });
}
