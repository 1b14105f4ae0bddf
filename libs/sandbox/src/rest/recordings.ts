import { recordingUrl } from '../calls/recordings.js';
import type { Telephony } from '../calls/telephony.js';
import { wavWithTranscript } from '../calls/wav.js';
import type { Router } from '../http/router.js';
import { sendJson, sendText } from '../http/router.js';
import type { Store } from '../state/store.js';
import type { Recording } from '../state/types.js';
import { authenticate } from './auth.js';
import { listPage, notFound, rfc2822 } from './format.js';

const V = '/2010-04-01';

export function recordingJson(telephony: Telephony, r: Recording): Record<string, unknown> {
  const uri = `${V}/Accounts/${r.accountSid}/Recordings/${r.sid}.json`;
  return {
    account_sid: r.accountSid,
    api_version: '2010-04-01',
    call_sid: r.callSid,
    channels: r.channels,
    conference_sid: r.conferenceSid,
    date_created: rfc2822(r.dateCreated),
    date_updated: rfc2822(r.dateUpdated),
    duration: String(r.durationSeconds),
    encryption_details: null,
    error_code: null,
    media_url: recordingUrl(telephony.engine, r),
    price: '-0.00250',
    price_unit: 'USD',
    sid: r.sid,
    source: r.source,
    start_time: rfc2822(r.startTime),
    status: r.status,
    subresource_uris: {
      add_on_results: uri.replace(/\.json$/, '/AddOnResults.json'),
      transcriptions: uri.replace(/\.json$/, '/Transcriptions.json'),
    },
    uri,
  };
}

export function registerRecordingRoutes(router: Router, store: Store, telephony: Telephony): void {
  const base = (accountSid: string) => `${V}/Accounts/${accountSid}/Recordings`;
  const find = (accountSid: string, sid: string) => {
    const rec = store.recordings.get(sid);
    if (!rec || rec.accountSid !== accountSid) throw notFound(`${base(accountSid)}/${sid}`);
    return rec;
  };
  const json = (r: Recording) => recordingJson(telephony, r);

  router.get(`${V}/Accounts/:accountSid/Recordings.json`, ({ req, res, params, query }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const f = { CallSid: query.get('CallSid'), ConferenceSid: query.get('ConferenceSid') };
    const list = store.ownedBy(store.recordings, account.sid).reverse()
      .filter((r) => (!f.CallSid || r.callSid === f.CallSid) && (!f.ConferenceSid || r.conferenceSid === f.ConferenceSid));
    sendJson(res, 200, listPage(`${base(account.sid)}.json`, 'recordings', list, query, json, f));
  });

  router.get(`${V}/Accounts/:accountSid/Calls/:callSid/Recordings.json`, ({ req, res, params, query }) => {
    const { account } = authenticate(store, req, params.accountSid);
    const list = store.ownedBy(store.recordings, account.sid).filter((r) => r.callSid === params.callSid);
    sendJson(res, 200, listPage(`${V}/Accounts/${account.sid}/Calls/${params.callSid}/Recordings.json`, 'recordings', list, query, json));
  });

  // Metadata (.json) and media: .wav (also with no extension) and .mp3 (same bytes, audio/mpeg). The
  // WAV carries the transcript in an INFO comment for the sandbox's /v1/audio/transcriptions.
  const media = (ext: string) => ({ req, res, params }: Parameters<Parameters<Router['get']>[1]>[0]) => {
    const { account } = authenticate(store, req, params.accountSid);
    const rec = find(account.sid, params.sid!);
    if (ext === 'json') return sendJson(res, 200, json(rec));
    sendText(res, 200, ext === 'mp3' ? 'audio/mpeg' : 'audio/x-wav', wavWithTranscript(rec.durationSeconds, rec.transcript));
  };
  router.get(`${V}/Accounts/:accountSid/Recordings/:sid.json`, media('json'));
  router.get(`${V}/Accounts/:accountSid/Recordings/:sid.wav`, media('wav'));
  router.get(`${V}/Accounts/:accountSid/Recordings/:sid.mp3`, media('mp3'));
  router.get(`${V}/Accounts/:accountSid/Recordings/:sid`, media('wav'));

  router.delete(`${V}/Accounts/:accountSid/Recordings/:sid.json`, ({ req, res, params }) => {
    const { account } = authenticate(store, req, params.accountSid);
    find(account.sid, params.sid!);
    store.recordings.delete(params.sid!);
    store.changed();
    res.writeHead(204).end();
  });
}
