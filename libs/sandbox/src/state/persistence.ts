import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from './store.js';

// What survives a restart with `stateFile`: accounts, keys, applications, numbers, pretend
// phones and recordings. Calls and conferences are live state and start empty.
const DATE_KEYS = new Set(['dateCreated', 'dateUpdated', 'startTime']);

interface Snapshot {
  version: 1;
  accounts: unknown[];
  keys: unknown[];
  applications: unknown[];
  numbers: unknown[];
  phones: Array<[string, unknown]>;
  recordings: unknown[];
}

function revive<T>(item: unknown): T {
  const copy = { ...(item as Record<string, unknown>) };
  for (const key of DATE_KEYS) if (typeof copy[key] === 'string') copy[key] = new Date(copy[key] as string);
  return copy as T;
}

export function loadState(store: Store, file: string): void {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch {
    return; // first start, or an unreadable file: begin empty
  }
  const fill = <T extends { sid: string }>(map: Map<string, T>, items: unknown[] = []) => {
    for (const item of items) {
      const value = revive<T>(item);
      map.set(value.sid, value);
    }
  };
  fill(store.accounts, snapshot.accounts);
  fill(store.keys, snapshot.keys);
  fill(store.applications, snapshot.applications);
  fill(store.numbers, snapshot.numbers);
  fill(store.recordings, snapshot.recordings);
  for (const [e164, behaviour] of snapshot.phones ?? []) store.phones.set(e164, behaviour as never);
}

export function saveState(store: Store, file: string): void {
  const snapshot: Snapshot = {
    version: 1,
    accounts: [...store.accounts.values()],
    keys: [...store.keys.values()],
    applications: [...store.applications.values()],
    numbers: [...store.numbers.values()],
    phones: [...store.phones.entries()],
    recordings: [...store.recordings.values()],
  };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot, null, 1));
  renameSync(tmp, file);
}
