import type { Router } from '../http/router.js';
import { sendJson } from '../http/router.js';
import type { Store } from '../state/store.js';
import type { Account, ApiKey } from '../state/types.js';
import { authenticate, requireMainCredential } from './auth.js';
import { listPage, notFound, rfc2822 } from './format.js';

const V = '/2010-04-01';

export function accountJson(account: Account): Record<string, unknown> {
  const base = `${V}/Accounts/${account.sid}`;
  const sub = (name: string) => `${base}/${name}.json`;
  return {
    auth_token: account.authToken,
    date_created: rfc2822(account.dateCreated),
    date_updated: rfc2822(account.dateUpdated),
    friendly_name: account.friendlyName,
    owner_account_sid: account.sid,
    sid: account.sid,
    status: account.status,
    subresource_uris: {
      addresses: sub('Addresses'),
      applications: sub('Applications'),
      available_phone_numbers: sub('AvailablePhoneNumbers'),
      calls: sub('Calls'),
      conferences: sub('Conferences'),
      incoming_phone_numbers: sub('IncomingPhoneNumbers'),
      keys: sub('Keys'),
      outgoing_caller_ids: sub('OutgoingCallerIds'),
      queues: sub('Queues'),
      recordings: sub('Recordings'),
    },
    type: account.type,
    uri: `${base}.json`,
  };
}

export function keyJson(key: ApiKey, withSecret = false): Record<string, unknown> {
  return {
    date_created: rfc2822(key.dateCreated),
    date_updated: rfc2822(key.dateUpdated),
    friendly_name: key.friendlyName,
    sid: key.sid,
    ...(withSecret ? { secret: key.secret } : {}),
  };
}

export function registerAccountRoutes(router: Router, store: Store): void {
  router.get(`${V}/Accounts/:accountSid.json`, ({ req, res, params }) => {
    const principal = authenticate(store, req, params.accountSid);
    requireMainCredential(principal);
    sendJson(res, 200, accountJson(principal.account));
  });

  router.get(`${V}/Accounts.json`, ({ req, res, query }) => {
    const principal = authenticate(store, req);
    requireMainCredential(principal);
    sendJson(res, 200, listPage(`${V}/Accounts.json`, 'accounts', [principal.account], query, accountJson));
  });

  const keyPath = (accountSid: string) => `${V}/Accounts/${accountSid}/Keys`;
  const findKey = (accountSid: string, sid: string) => {
    const key = store.keys.get(sid);
    if (!key || key.accountSid !== accountSid) throw notFound(`${keyPath(accountSid)}/${sid}.json`);
    return key;
  };

  router.post(`${V}/Accounts/:accountSid/Keys.json`, ({ req, res, params, form }) => {
    requireMainCredential(authenticate(store, req, params.accountSid));
    const key = store.createKey(params.accountSid!, { friendlyName: form.get('FriendlyName') ?? '' });
    sendJson(res, 201, keyJson(key, true));
  });

  router.get(`${V}/Accounts/:accountSid/Keys.json`, ({ req, res, params, query }) => {
    requireMainCredential(authenticate(store, req, params.accountSid));
    const keys = store.ownedBy(store.keys, params.accountSid!);
    sendJson(res, 200, listPage(`${keyPath(params.accountSid!)}.json`, 'keys', keys, query, (k) => keyJson(k)));
  });

  router.get(`${V}/Accounts/:accountSid/Keys/:sid.json`, ({ req, res, params }) => {
    requireMainCredential(authenticate(store, req, params.accountSid));
    sendJson(res, 200, keyJson(findKey(params.accountSid!, params.sid!)));
  });

  router.post(`${V}/Accounts/:accountSid/Keys/:sid.json`, ({ req, res, params, form }) => {
    requireMainCredential(authenticate(store, req, params.accountSid));
    const key = findKey(params.accountSid!, params.sid!);
    if (form.has('FriendlyName')) key.friendlyName = form.get('FriendlyName') ?? '';
    key.dateUpdated = new Date();
    store.changed();
    sendJson(res, 200, keyJson(key));
  });

  router.delete(`${V}/Accounts/:accountSid/Keys/:sid.json`, ({ req, res, params }) => {
    requireMainCredential(authenticate(store, req, params.accountSid));
    findKey(params.accountSid!, params.sid!);
    store.keys.delete(params.sid!);
    store.changed();
    res.writeHead(204).end();
  });
}
