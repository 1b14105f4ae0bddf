import type { Store } from './state/store.js';
import type { AccountType, KeyType } from './state/types.js';

export interface SandboxSeed {
  accounts: Array<{
    accountSid?: string;
    authToken?: string;
    type?: AccountType;
    friendlyName?: string;
    numbers?: Array<string | { e164: string; friendlyName?: string; voiceUrl?: string }>;
    keys?: Array<{ sid?: string; secret?: string; type?: KeyType; friendlyName?: string }>;
  }>;
}

// Applies a seed idempotently: existing accounts keep their state (the seed's token wins),
// numbers and keys already present are left alone. Lets a host restore fixed demo credentials.
export function applySeed(store: Store, seed: SandboxSeed): void {
  for (const input of seed.accounts) {
    let account = input.accountSid ? store.accounts.get(input.accountSid) : undefined;
    if (!account) {
      account = store.createAccount({ sid: input.accountSid, authToken: input.authToken, type: input.type, friendlyName: input.friendlyName });
    } else {
      if (input.authToken) account.authToken = input.authToken;
      if (input.type) account.type = input.type;
    }
    for (const entry of input.numbers ?? []) {
      const n = typeof entry === 'string' ? { e164: entry } : entry;
      if (store.findNumberByE164(n.e164)) continue;
      const number = store.createNumber(account.sid, n.e164, n.friendlyName);
      if (n.voiceUrl) number.voiceUrl = n.voiceUrl;
    }
    for (const k of input.keys ?? []) {
      const existing = k.sid ? store.keys.get(k.sid) : undefined;
      if (existing) {
        if (k.secret) existing.secret = k.secret;
        continue;
      }
      store.createKey(account.sid, { sid: k.sid, secret: k.secret, keyType: k.type ?? 'main', friendlyName: k.friendlyName });
    }
  }
  store.changed();
}
