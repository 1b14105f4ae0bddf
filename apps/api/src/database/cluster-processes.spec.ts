import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning, processesIn, processState, waitUntilReleased } from './cluster-processes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));

describe('cluster processes (read from /proc)', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rt-cluster-'))));
  afterEach(async () => {
    for (const c of children.splice(0)) {
      c.kill('SIGKILL');
      await exited(c);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('should count a zombie (exited, not reaped) as not running, though kill(pid, 0) still answers', async () => {
    // `sleep 0` exits at once; its parent becomes `sleep 5` (exec), which never waits for it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(parent);
    const zombie = Number(await new Promise<string>((r) => parent.stdout!.once('data', (d) => r(String(d)))));
    for (let i = 0; i < 100 && processState(zombie) !== 'Z'; i++) await sleep(20);

    expect(processState(zombie)).toBe('Z');
    expect(() => process.kill(zombie, 0)).not.toThrow();
    expect(isRunning(zombie)).toBe(false);
    expect(isRunning(parent.pid!)).toBe(true);
  });

  it('should count a pid that no longer exists as not running', async () => {
    const child = spawn('true');
    await exited(child);
    expect(isRunning(child.pid!)).toBe(false);
  });

  it('should find the processes still running in a data dir and wait until the last one exits', async () => {
    const elsewhere = spawn('sleep', ['30'], { cwd: tmpdir() });
    const short = spawn('sleep', ['0.6'], { cwd: dir });
    children.push(elsewhere, short);
    await sleep(50);
    expect(processesIn(dir)).toEqual([short.pid]);

    const started = Date.now();
    expect(await waitUntilReleased(dir, 5_000)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(processesIn(dir)).toEqual([]);
  });

  it('should give up after its bound and name the processes that still hold the data dir', async () => {
    const stubborn = spawn('sleep', ['30'], { cwd: dir });
    children.push(stubborn);
    await sleep(50);
    const started = Date.now();
    expect(await waitUntilReleased(dir, 300)).toEqual([stubborn.pid]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
