import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { basename } from 'node:path';

// What is left of a previous PostgreSQL cluster in a data dir, read from /proc. Every process of a
// cluster (postmaster, checkpointer, backends…) runs with the data dir as its working directory and
// keeps the cluster's shared memory attached until it exits, so while any of them lives a new
// postmaster refuses to start ("pre-existing shared memory block is still in use").

const hasProc = () => existsSync('/proc/self');

/** Whether `pid` is a running process. A zombie (exited, not yet reaped by its parent) is not. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const state = processState(pid);
  return state !== 'Z' && state !== 'X' && !(state === null && hasProc());
}

/** The one-letter state of /proc/<pid>/status (R, S, D, Z…), or null when it cannot be read. */
export function processState(pid: number): string | null {
  try {
    return /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether `pid` is a postmaster started on `dataDir` (`postgres -D <dataDir> …`). When its command
 * line cannot be read (no /proc, or /proc mounted with hidepid), the lock file is trusted.
 */
export function isPostmasterOf(pid: number, dataDir: string): boolean {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch (e) {
    // ENOENT with /proc present: the process is gone, so the lock file is stale.
    return !((e as NodeJS.ErrnoException).code === 'ENOENT' && hasProc());
  }
  return /(^|\/)postgres$/.test(args[0] ?? '') && args[args.indexOf('-D') + 1] === dataDir;
}

/** Running processes whose working directory is `dir`: the live members of a cluster in that data dir. */
export function processesIn(dir: string): number[] {
  if (!hasProc() || !existsSync(dir)) return [];
  const target = realpathSync(dir);
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      if (readlinkSync(`/proc/${pid}/cwd`) === target && isRunning(pid)) pids.push(pid);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Whether `pid` runs the PostgreSQL binary (postmaster or one of its children). */
export function isPostgresProcess(pid: number): boolean {
  try {
    return basename(readlinkSync(`/proc/${pid}/exe`)) === 'postgres';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (at most `timeoutMs`) until no process of a cluster runs in `dir`; returns those still there. */
export async function waitUntilReleased(dir: string, timeoutMs: number): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  let left = processesIn(dir);
  while (left.length && Date.now() < until) {
    await sleep(50);
    left = processesIn(dir);
  }
  return left;
}
