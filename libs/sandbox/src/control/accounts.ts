import type { Router } from '../http/router.js';
import { sendJson } from '../http/router.js';
import type { Store } from '../state/store.js';
import type { Account } from '../state/types.js';
import { controlError, field, oneOf, requireE164 } from './body.js';

function accountSummary(store: Store, a: Account) {
  return {
    accountSid: a.sid,
    authToken: a.authToken,
    type: a.type,
    status: a.status,
    friendlyName: a.friendlyName,
    numbers: store.ownedBy(store.numbers, a.sid).map((n) => ({ sid: n.sid, phoneNumber: n.phoneNumber, voiceUrl: n.voiceUrl, voiceApplicationSid: n.voiceApplicationSid })),
  };
}

export function registerAccountControl(router: Router, store: Store): void {
  const findAccount = (sid: string) => {
    const account = store.accounts.get(sid);
    if (!account) throw controlError(404, `No sandbox account ${sid}`);
    return account;
  };

  router.get('/sandbox/accounts', ({ res }) => sendJson(res, 200, [...store.accounts.values()].map((a) => accountSummary(store, a))));

  router.post('/sandbox/accounts', (ctx) => {
    const sid = field(ctx, 'accountSid');
    if (sid && !/^AC[0-9a-f]{32}$/.test(sid)) throw controlError(400, 'accountSid must be AC + 32 lowercase hex');
    if (sid && store.accounts.has(sid)) throw controlError(409, `Account ${sid} already exists`);
    const authToken = field(ctx, 'authToken');
    if (authToken !== undefined && !/^[0-9a-f]{32}$/.test(authToken)) throw controlError(400, 'authToken must be 32 lowercase hex');
    const account = store.createAccount({
      sid,
      authToken,
      type: oneOf(ctx, 'type', ['Trial', 'Full'] as const),
      status: oneOf(ctx, 'status', ['active', 'suspended', 'closed'] as const),
      friendlyName: field(ctx, 'friendlyName'),
    });
    sendJson(ctx.res, 201, { accountSid: account.sid, authToken: account.authToken, type: account.type, status: account.status, friendlyName: account.friendlyName });
  });

  router.add('PATCH', '/sandbox/accounts/:accountSid', (ctx) => {
    const account = findAccount(ctx.params.accountSid!);
    const type = oneOf(ctx, 'type', ['Trial', 'Full'] as const);
    const status = oneOf(ctx, 'status', ['active', 'suspended', 'closed'] as const);
    const friendlyName = field(ctx, 'friendlyName');
    // A rotated Auth Token (the Console's "promote secondary token"): the old one stops working at once.
    const authToken = field(ctx, 'authToken');
    if (authToken !== undefined && !/^[0-9a-f]{32}$/.test(authToken)) throw controlError(400, 'authToken must be 32 lowercase hex');
    if (authToken) account.authToken = authToken;
    if (type) account.type = type;
    if (status) account.status = status;
    if (friendlyName !== undefined) account.friendlyName = friendlyName;
    account.dateUpdated = new Date();
    store.changed();
    sendJson(ctx.res, 200, accountSummary(store, account));
  });

  router.post('/sandbox/accounts/:accountSid/numbers', (ctx) => {
    const account = findAccount(ctx.params.accountSid!);
    const wanted = field(ctx, 'e164');
    const e164 = wanted ? requireE164(wanted, 'e164') : store.nextFreeNumber();
    if (store.findNumberByE164(e164)) throw controlError(409, `${e164} already belongs to an account`);
    const number = store.createNumber(account.sid, e164, field(ctx, 'friendlyName'));
    const voiceUrl = field(ctx, 'voiceUrl');
    if (voiceUrl) number.voiceUrl = voiceUrl;
    sendJson(ctx.res, 201, { sid: number.sid, phoneNumber: number.phoneNumber });
  });

  router.post('/sandbox/accounts/:accountSid/keys', (ctx) => {
    const account = findAccount(ctx.params.accountSid!);
    const sid = field(ctx, 'sid');
    if (sid && (!/^SK[0-9a-f]{32}$/.test(sid) || store.keys.has(sid))) throw controlError(400, 'sid must be a new SK + 32 lowercase hex');
    const key = store.createKey(account.sid, {
      sid,
      secret: field(ctx, 'secret'),
      friendlyName: field(ctx, 'friendlyName'),
      keyType: oneOf(ctx, 'type', ['main', 'standard', 'restricted'] as const) ?? 'main',
    });
    sendJson(ctx.res, 201, { sid: key.sid, secret: key.secret, type: key.keyType });
  });
}
