import type { Telephony } from '../calls/telephony.js';
import type { Router } from '../http/router.js';
import { sendJson } from '../http/router.js';
import type { Store } from '../state/store.js';
import type { Conference, Participant } from '../state/types.js';
import { authenticate } from './auth.js';
import { bool, listPage, notFound, rfc2822, twilioError } from './format.js';

const V = '/2010-04-01';

export function conferenceJson(c: Conference): Record<string, unknown> {
  const uri = `${V}/Accounts/${c.accountSid}/Conferences/${c.sid}.json`;
  return {
    account_sid: c.accountSid,
    api_version: '2010-04-01',
    call_sid_ending_conference: c.callSidEndingConference,
    date_created: rfc2822(c.dateCreated),
    date_updated: rfc2822(c.dateUpdated),
    friendly_name: c.friendlyName,
    reason_conference_ended: c.reasonConferenceEnded,
    region: 'us1',
    sid: c.sid,
    status: c.status,
    subresource_uris: {
      participants: uri.replace(/\.json$/, '/Participants.json'),
      recordings: uri.replace(/\.json$/, '/Recordings.json'),
    },
    uri,
  };
}

export function participantJson(p: Participant): Record<string, unknown> {
  return {
    account_sid: p.accountSid,
    call_sid: p.callSid,
    call_sid_to_coach: null,
    coaching: false,
    conference_sid: p.conferenceSid,
    date_created: rfc2822(p.dateCreated),
    date_updated: rfc2822(p.dateUpdated),
    end_conference_on_exit: p.endConferenceOnExit,
    hold: p.hold,
    label: p.label,
    muted: p.muted,
    queue_time: null,
    start_conference_on_enter: p.startConferenceOnEnter,
    status: p.status,
    uri: `${V}/Accounts/${p.accountSid}/Conferences/${p.conferenceSid}/Participants/${p.callSid}.json`,
  };
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function registerConferenceRoutes(router: Router, store: Store, telephony: Telephony): void {
  const conferences = telephony.engine.conferences;
  const base = (accountSid: string) => `${V}/Accounts/${accountSid}/Conferences`;
  const find = (accountSid: string, sid: string) => {
    const conf = store.conferences.get(sid);
    if (!conf || conf.accountSid !== accountSid) throw notFound(`${base(accountSid)}/${sid}.json`);
    return conf;
  };
  const findParticipant = (conf: Conference, id: string) => {
    const p = conf.participants.get(id) ?? [...conf.participants.values()].find((x) => x.label === id);
    if (!p) throw notFound(`${base(conf.accountSid)}/${conf.sid}/Participants/${id}.json`);
    return p;
  };
  const P = `${V}/Accounts/:accountSid/Conferences/:sid/Participants`;

  router.get(`${V}/Accounts/:accountSid/Conferences.json`, ({ req, res, params, query }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const f = { FriendlyName: query.get('FriendlyName'), Status: query.get('Status') };
    const list = store.ownedBy(store.conferences, account.sid).reverse()
      .filter((c) => (!f.FriendlyName || c.friendlyName === f.FriendlyName) && (!f.Status || c.status === f.Status));
    sendJson(res, 200, listPage(`${base(account.sid)}.json`, 'conferences', list, query, conferenceJson, f));
  });

  router.get(`${V}/Accounts/:accountSid/Conferences/:sid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    sendJson(res, 200, conferenceJson(find(account.sid, params.sid!)));
  });

  router.post(`${V}/Accounts/:accountSid/Conferences/:sid.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const conf = find(account.sid, params.sid!);
    if (form.get('Status') === 'completed') conferences.end(conf, 'conference-ended-via-API', null);
    sendJson(res, 200, conferenceJson(conf));
  });

  router.get(`${P}.json`, ({ req, res, params, query }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const conf = find(account.sid, params.sid!);
    const list = [...conf.participants.values()].map((p) => ({ ...p, sid: p.callSid }));
    sendJson(res, 200, listPage(`${base(account.sid)}/${conf.sid}/Participants.json`, 'participants', list, query, participantJson));
  });

  router.get(`${P}/:callSid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    sendJson(res, 200, participantJson(findParticipant(find(account.sid, params.sid!), params.callSid!)));
  });

  router.post(`${P}/:callSid.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const conf = find(account.sid, params.sid!);
    const p = findParticipant(conf, params.callSid!);
    conferences.update(conf, p, {
      hold: form.has('Hold') ? bool(form.get('Hold'), false) : undefined,
      muted: form.has('Muted') ? bool(form.get('Muted'), false) : undefined,
    });
    if (form.has('EndConferenceOnExit')) p.endConferenceOnExit = bool(form.get('EndConferenceOnExit'), false);
    sendJson(res, 200, participantJson(p));
  });

  router.delete(`${P}/:callSid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const p = findParticipant(find(account.sid, params.sid!), params.callSid!);
    conferences.leave(p.callSid, 'participant_was_kicked');
    res.writeHead(204).end();
  });

  // The path names the conference by SID or by friendly name (created on first use).
  router.post(`${P}.json`, ({ req, res, params, form }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const from = form.get('From');
    const to = form.get('To');
    if (!from || !to) throw twilioError(400, 21201, 'From and To are required');
    const id = params.sid!;
    const conf = /^CF[0-9a-f]{32}$/i.test(id) ? find(account.sid, id) : conferences.findOrCreate(account, id);
    if (conf.status === 'completed') throw twilioError(400, 20404, 'Conference has ended');
    const opts = {
      startConferenceOnEnter: bool(form.get('StartConferenceOnEnter'), true),
      endConferenceOnExit: bool(form.get('EndConferenceOnExit'), false),
      muted: bool(form.get('Muted'), false),
      label: form.get('Label'),
      callback: null,
    };
    const confCallback = form.get('ConferenceStatusCallback');
    const confEvents = form.getAll('ConferenceStatusCallbackEvent').join(' ');
    const attrs = [
      `startConferenceOnEnter="${opts.startConferenceOnEnter}"`, `endConferenceOnExit="${opts.endConferenceOnExit}"`,
      `muted="${opts.muted}"`,
      ...(opts.label ? [`participantLabel="${xmlEscape(opts.label)}"`] : []),
      ...(confCallback ? [`statusCallback="${xmlEscape(confCallback)}"`, `statusCallbackMethod="${xmlEscape(form.get('ConferenceStatusCallbackMethod') ?? 'POST')}"`] : []),
      ...(confCallback && confEvents ? [`statusCallbackEvent="${xmlEscape(confEvents)}"`] : []),
    ].join(' ');
    const cbUrl = form.get('StatusCallback');
    const events = form.getAll('StatusCallbackEvent').flatMap((e) => e.split(/[\s,]+/)).filter(Boolean);
    const call = telephony.originate({
      account, from, to,
      next: { kind: 'twiml', twiml: `<Response><Dial><Conference ${attrs}>${xmlEscape(conf.friendlyName)}</Conference></Dial></Response>` },
      statusCallback: cbUrl ? { url: cbUrl, method: form.get('StatusCallbackMethod') ?? 'POST', events: new Set(events.length ? events : ['completed']) } : null,
      timeoutSeconds: Number(form.get('Timeout') ?? 60),
      onUnanswered: (c) => conferences.forget(conf, c.sid),
    });
    sendJson(res, 201, participantJson(conferences.expect(conf, call.sid, opts)));
  });
}
