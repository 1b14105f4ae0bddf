// Starts the product exactly as `npm start` does (the built apps/api/dist/main.js) on free ports.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../scripts/lib/free-port.mjs';

export { freePort };

export const root = new URL('..', import.meta.url).pathname;


export function tempDataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'ringtonic-e2e-'));
  chmodSync(dir, 0o755);
  return join(dir, 'data');
}

/** Runs the server until it prints its banner; resolves with its URL and output. */
export async function startProduct({ dataDir = tempDataDir(), port, pgPort, sandboxPort, env = {} } = {}) {
  port ??= await freePort();
  pgPort ??= await freePort();
  sandboxPort ??= await freePort();
  const proc = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), SANDBOX_PORT: String(sandboxPort), DATA_DIR: dataDir, SANDBOX: 'on', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (c) => (output += c));
  proc.stderr.on('data', (c) => (output += c));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('Press Ctrl+C to stop')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  proc.removeAllListeners('exit');
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  return {
    url: `http://localhost:${port}`,
    sandboxUrl: `http://localhost:${sandboxPort}`,
    port,
    pgPort,
    sandboxPort,
    dataDir,
    output: () => output,
    /** Still running (never exited since it started)? */
    alive: () => proc.exitCode === null && proc.signalCode === null,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null) proc.kill(signal);
      await exited;
    },
  };
}
