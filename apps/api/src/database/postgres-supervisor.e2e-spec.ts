// Supervising the embedded PostgreSQL, on real processes: a postmaster killed with SIGKILL is started
// again on the same data dir and port; a clean stop is not; a PostgreSQL that cannot come back is given up on.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../../scripts/lib/free-port.mjs';
import { answers } from '../../test/factories/postgres.factory.js';
import { isRunning } from './cluster-processes.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { PostgresSupervisor } from './postgres-supervisor.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function collectingLogger() {
  const lines: string[] = [];
  const add = (level: string) => (m: unknown) => void lines.push(`${level} ${String(m)}`);
  return { lines, logger: { log: add('log'), warn: add('warn'), error: add('error') } };
}

describe('embedded PostgreSQL supervisor', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  let sut: PostgresSupervisor | undefined;
  let squatter: Server | undefined;
  const postmaster = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const start = () => startEmbeddedPostgres(dataDir, port);

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'rt-supervisor-'));
    chmodSync(root, 0o755);
    dataDir = join(root, 'postgres');
    port = await freePort();
  });
  afterEach(async () => {
    squatter?.close();
    squatter = undefined;
    await sut?.stop();
    sut = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('should start PostgreSQL again when its postmaster is killed, on the same URL, with the data kept', async () => {
    const { lines, logger } = collectingLogger();
    sut = await PostgresSupervisor.supervise(start, { logger });
    const url = sut.url;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE kept (v text)');
    await client.query("INSERT INTO kept VALUES ('before the crash')");
    await client.end();

    const killed = postmaster();
    const at = Date.now();
    process.kill(killed, 'SIGKILL');
    for (let i = 0; i < 300 && !(await answers(url)); i++) await sleep(50);
    const downFor = Date.now() - at;

    expect(await answers(url)).toBe(true);
    expect(sut.url).toBe(url);
    expect(sut.state).toBe('running');
    expect(postmaster()).not.toBe(killed);
    expect(isRunning(killed)).toBe(false);
    expect(downFor).toBeLessThan(10_000);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^error PostgreSQL exited unexpectedly \(killed by SIGKILL\); restarting it$/), expect.stringMatching(/^log PostgreSQL restarted \(down [\d.]+ s\)$/)]));
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    expect((await again.query('SELECT v FROM kept')).rows).toEqual([{ v: 'before the crash' }]);
    await again.end();

    // And again: each new postmaster is watched too.
    process.kill(postmaster(), 'SIGKILL');
    for (let i = 0; i < 300 && !(await answers(url)); i++) await sleep(50);
    expect(await answers(url)).toBe(true);
  }, 90_000);

  it('should not restart PostgreSQL that it was asked to stop', async () => {
    const { lines, logger } = collectingLogger();
    sut = await PostgresSupervisor.supervise(start, { logger });
    const url = sut.url;
    await sut.stop();
    await sleep(1_500);
    expect(sut.state).toBe('stopped');
    expect(await answers(url)).toBe(false);
    expect(lines).toEqual([]);
  }, 60_000);

  it('should give up, saying so, when PostgreSQL keeps failing to come back', async () => {
    const { lines, logger } = collectingLogger();
    sut = await PostgresSupervisor.supervise(start, { logger, maxRestarts: 1, backoffMs: () => 300 });
    const killed = postmaster();
    process.kill(killed, 'SIGKILL');
    // Something else takes the port the moment the postmaster is gone: every start is refused.
    for (let i = 0; i < 200 && !squatter; i++) {
      const s = createServer();
      const bound = await new Promise<boolean>((r) => s.once('error', () => r(false)).listen(port, '127.0.0.1', () => r(true)));
      if (bound) squatter = s;
      else await sleep(10);
    }
    expect(squatter).toBeDefined();
    for (let i = 0; i < 400 && sut.state !== 'gave-up'; i++) await sleep(50);

    expect(sut.state).toBe('gave-up');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error PostgreSQL did not restart: PostgreSQL did not start in .* Address already in use/),
        expect.stringMatching(/^error PostgreSQL failed 2 times within 60 s: no longer restarting it\. The API keeps running without its database \(readiness reports 503\)/),
      ]),
    );
    const count = lines.length;
    await sleep(1_000);
    expect(lines).toHaveLength(count); // no more attempts
  }, 90_000);
});
