import { newSecret, newSid } from './ids.js';
import type {
  Account,
  AccountStatus,
  AccountType,
  ApiKey,
  Application,
  CallRecord,
  Conference,
  IncomingNumber,
  KeyType,
  PhoneBehaviour,
  Recording,
} from './types.js';

export interface NewAccount {
  sid?: string;
  authToken?: string;
  type?: AccountType;
  status?: AccountStatus;
  friendlyName?: string;
}

export interface NewKey {
  sid?: string;
  secret?: string;
  friendlyName?: string;
  keyType?: KeyType;
}

// All sandbox state, in memory. Listeners hear about changes worth persisting.
export class Store {
  readonly accounts = new Map<string, Account>();
  readonly keys = new Map<string, ApiKey>();
  readonly applications = new Map<string, Application>();
  readonly numbers = new Map<string, IncomingNumber>();
  readonly calls = new Map<string, CallRecord>();
  readonly conferences = new Map<string, Conference>();
  readonly recordings = new Map<string, Recording>();
  readonly phones = new Map<string, PhoneBehaviour>();
  private readonly changeListeners: Array<() => void> = [];

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  reset(): void {
    this.accounts.clear();
    this.keys.clear();
    this.applications.clear();
    this.numbers.clear();
    this.calls.clear();
    this.conferences.clear();
    this.recordings.clear();
    this.phones.clear();
    this.changed();
  }

  createAccount(input: NewAccount = {}): Account {
    const now = new Date();
    const account: Account = {
      sid: input.sid ?? newSid('AC'),
      authToken: input.authToken ?? newSecret(),
      type: input.type ?? 'Full',
      status: input.status ?? 'active',
      friendlyName: input.friendlyName ?? 'Sandbox account',
      dateCreated: now,
      dateUpdated: now,
    };
    this.accounts.set(account.sid, account);
    this.changed();
    return account;
  }

  createKey(accountSid: string, input: NewKey = {}): ApiKey {
    const now = new Date();
    const key: ApiKey = {
      sid: input.sid ?? newSid('SK'),
      accountSid,
      secret: input.secret ?? newSecret(),
      friendlyName: input.friendlyName ?? '',
      keyType: input.keyType ?? 'standard',
      dateCreated: now,
      dateUpdated: now,
    };
    this.keys.set(key.sid, key);
    this.changed();
    return key;
  }

  createNumber(accountSid: string, phoneNumber: string, friendlyName?: string): IncomingNumber {
    const now = new Date();
    const number: IncomingNumber = {
      sid: newSid('PN'),
      accountSid,
      phoneNumber,
      friendlyName: friendlyName ?? formatUsFriendly(phoneNumber),
      voiceUrl: '',
      voiceMethod: 'POST',
      voiceFallbackUrl: '',
      voiceFallbackMethod: 'POST',
      statusCallback: '',
      statusCallbackMethod: 'POST',
      voiceApplicationSid: '',
      voiceCallerIdLookup: false,
      voiceReceiveMode: 'voice',
      trunkSid: null,
      dateCreated: now,
      dateUpdated: now,
    };
    this.numbers.set(number.sid, number);
    this.changed();
    return number;
  }

  findNumberByE164(e164: string): IncomingNumber | undefined {
    for (const number of this.numbers.values()) if (number.phoneNumber === e164) return number;
    return undefined;
  }

  // A fresh, unused US number in the 555-01xx style fictional range widened to 4 digits.
  nextFreeNumber(): string {
    for (let i = 1000; i < 10000; i++) {
      const candidate = `+1555${String(i).padStart(7, '0')}`;
      if (!this.findNumberByE164(candidate)) return candidate;
    }
    throw new Error('no free sandbox numbers left');
  }

  phoneBehaviour(e164: string): PhoneBehaviour {
    return this.phones.get(e164) ?? { answer: 'answer', afterMs: 30, hangupAfterMs: null, callerName: undefined };
  }

  ownedBy<T extends { accountSid: string }>(map: Map<string, T>, accountSid: string): T[] {
    return [...map.values()].filter((item) => item.accountSid === accountSid);
  }
}

export function formatUsFriendly(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}
