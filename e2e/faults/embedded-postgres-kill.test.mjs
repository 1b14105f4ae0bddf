// Fault: under `npm start` (one instance, its embedded PostgreSQL), the postmaster alone is killed
// with SIGKILL. The supervisor starts it again, a login works again within seconds, readiness says
// 503 meanwhile while liveness stays 200, and the API process never exits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startProduct } from '../harness.mjs';
import { now, seconds, sleep, until } from './fault-kit.mjs';

const cleanups = [];
after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const login = (url) =>
  fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@demo.ringtonic.test', password: 'ringtonic-demo' }),
    signal: AbortSignal.timeout(5_000),
  }).then((r) => r.status, () => 0);
const status = (url) => fetch(url, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 0);

test('should restart a killed embedded PostgreSQL and serve logins again within seconds, the API never exiting', { timeout: 180_000 }, async () => {
  const server = await startProduct();
  cleanups.push(() => server.stop());
  assert.equal(await login(server.url), 200);
  const pidFile = join(server.dataDir, 'postgres', 'postmaster.pid');
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const logFrom = server.output().length;

  const killedAt = now();
  process.kill(postmaster, 'SIGKILL');
  // Meanwhile: readiness 503 (or already back), liveness 200.
  const probes = [];
  for (let i = 0; i < 5; i++) {
    probes.push({ ready: await status(`${server.url}/api/health/ready`), live: await status(`${server.url}/api/health/live`) });
    await sleep(20);
  }
  await until(async () => (await login(server.url)) === 200 || !server.alive(), 'a login to work again', 30_000, 100);
  const recovery = now() - killedAt;
  const log = server.output().slice(logFrom);
  assert.ok(server.alive(), `the API process is still running\n${log.slice(-3000)}`);
  assert.equal(await login(server.url), 200, `a login works again\n${log.slice(-3000)}`);
  assert.ok(probes.every((p) => p.live === 200), `liveness 200 throughout: ${JSON.stringify(probes)}`);
  assert.ok(probes.some((p) => p.ready === 503), `readiness 503 while PostgreSQL was down: ${JSON.stringify(probes)}`);
  assert.equal(await status(`${server.url}/api/health/ready`), 200);

  const restarted = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  assert.notEqual(restarted, postmaster, 'a new postmaster');
  assert.match(log, /PostgreSQL exited unexpectedly \(killed by SIGKILL\); restarting it/);
  assert.match(log, /PostgreSQL restarted \(down [\d.]+ s\)/);
  assert.ok(recovery < 10_000, `a login works again within seconds (${seconds(recovery)})`);
  console.log(`Embedded PostgreSQL killed (SIGKILL of the postmaster) under npm start: restarted by the supervisor, first login ${seconds(recovery)} after the kill; readiness probes meanwhile ${probes.map((p) => p.ready).join(', ')}`);

  // Once more: the new postmaster is supervised too.
  const secondAt = now();
  process.kill(restarted, 'SIGKILL');
  await until(async () => (await login(server.url)) === 200 || !server.alive(), 'a login after a second kill', 30_000, 100);
  assert.ok(server.alive(), 'still running after a second kill');
  console.log(`  second kill: first login ${seconds(now() - secondAt)} after it`);
});
