#!/usr/bin/env node
// `npm run bench:ring`: inbound ring fan-out, answer-claim races and sustained inbound webhooks, through
// the real API (built dist), the Twilio sandbox, Socket.IO clients and an embedded PostgreSQL.
// Prints figures and ratios; asserts nothing. AGENTS=100,1000  CALLS=30  CLAIMS=20  WEBHOOKS=2000
// CONCURRENCY=32  SCENARIOS=fanout,claims,webhooks  BENCH_PG_FLAGS  BENCH_PROF=<dir>. The API instances and
// the sandbox run in child processes (bench/ring-server.mjs); this process is only the load generator.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { io } from 'socket.io-client';
import { freePort } from '../scripts/lib/free-port.mjs';
import { ownCpu, postgresCpu, startServer } from './lib/processes.mjs';

const api = new URL('../apps/api/dist/', import.meta.url);
const { startEmbeddedPostgres } = await import(new URL('database/embedded-postgres.js', api));
const { expectedTwilioSignature } = await import(new URL('telephony/twilio-signature.js', api));

const AGENT_COUNTS = (process.env.AGENTS ?? '100,1000').split(',').map(Number);
const CALLS = Number(process.env.CALLS ?? 30);
const CLAIMS = Number(process.env.CLAIMS ?? 20);
const WEBHOOKS = Number(process.env.WEBHOOKS ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const SCENARIOS = (process.env.SCENARIOS ?? 'fanout,claims,webhooks').split(',');
// BENCH_PROF=<dir>: each API process writes a V8 CPU profile there (open in Chrome DevTools).
const serverArgv = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const now = () => performance.now();

const dir = mkdtempSync(join(tmpdir(), 'ringtonic-bench-ring-'));
chmodSync(dir, 0o755);
// BENCH_PG_FLAGS="-c synchronous_commit=off" shows the figures without this disk's fsync cost.
// BENCH_PG_STATS=1 prints each scenario's costliest statements (pg_stat_statements) after its figures.
const PG_STATS = process.env.BENCH_PG_STATS === '1';
const pgFlags = [...(process.env.BENCH_PG_FLAGS ?? '').split(/\s+/).filter(Boolean), ...(PG_STATS ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'pg_stat_statements.track_planning=on'] : [])];
const db = await startEmbeddedPostgres(join(dir, 'postgres'), await freePort(), pgFlags);
const pgc = new pg.Client({ connectionString: db.url });
await pgc.connect();
if (PG_STATS) await pgc.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

// What one durable commit costs on this machine's disk: every webhook pays it several times.
{
  await pgc.query('CREATE TABLE IF NOT EXISTS bench_commit_probe (id serial PRIMARY KEY)');
  const commits = [];
  for (let i = 0; i < 50; i++) {
    const t = now();
    await pgc.query('INSERT INTO bench_commit_probe DEFAULT VALUES');
    commits.push(now() - t);
  }
  await pgc.query('DROP TABLE bench_commit_probe');
  console.log(`disk     one durable INSERT commit: p50 ${ms(pct(commits, 50))} p99 ${ms(pct(commits, 99))}${process.env.BENCH_PG_FLAGS ? ` (flags: ${process.env.BENCH_PG_FLAGS})` : ''}`);
}

// The measured servers, each in its own process: the sandbox and two API instances on one database.
const sandbox = await startServer('sandbox', {});
const publicPort = await freePort();
const instances = [];
for (let i = 0; i < 2; i++) {
  const env = { BENCH_DIR: dir, DATABASE_URL: db.url, PUBLIC_URL: `http://127.0.0.1:${publicPort}`, SANDBOX_URL: sandbox.url, PORT: String(i === 0 ? publicPort : 0) };
  instances.push(await startServer('api', env, serverArgv));
}

// CPU each process used during a scenario, as a share of one core over its wall time.
const servers = { api0: instances[0], api1: instances[1], sandbox };
async function cpuSnapshot(start = false) {
  if (PG_STATS && start) await pgc.query('SELECT pg_stat_statements_reset()');
  const kinds = PG_STATS ? {} : null;
  const snap = { t: now(), bench: ownCpu(), postgres: postgresCpu(join(dir, 'postgres'), kinds) };
  if (kinds) for (const [k, v] of Object.entries(kinds)) snap[`pg ${k}`] = v;
  for (const [name, s] of Object.entries(servers)) snap[name] = await s.cpu();
  return snap;
}
function cpuLine(a, b, ops = 0, what = '') {
  const wall = b.t - a.t;
  const per = (k) => (b[k] - a[k]) / ops;
  const perOp = ops ? `; per ${what}: api ${(per('api0') + per('api1')).toFixed(1)} ms, postgres ${per('postgres').toFixed(1)} ms, load generator ${per('bench').toFixed(1)} ms` : '';
  const parts = Object.keys(b).filter((k) => k !== 't' && (b[k] - (a[k] ?? 0)) / wall > 0.005).map((k) => `${k} ${(((b[k] - (a[k] ?? 0)) / wall) * 100).toFixed(0)}%`);
  return `         cpu (% of one core over ${(wall / 1000).toFixed(1)} s): ${parts.join(', ')}${perOp}`;
}
async function pgStats() {
  if (!PG_STATS) return;
  const { rows } = await pgc.query(`SELECT calls, total_exec_time + total_plan_time AS total, (total_exec_time + total_plan_time) / nullif(calls, 0) AS mean, regexp_replace(query, '\\s+', ' ', 'g') AS q
    FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 12`);
  for (const r of rows) console.log(`         pg ${String(r.calls).padStart(6)} calls ${r.total.toFixed(0).padStart(6)} ms total ${(r.mean ?? 0).toFixed(2).padStart(6)} ms mean  ${r.q.slice(0, 110)}`);
}

const json = async (url, init = {}) => {
  const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${url} → ${res.status} ${JSON.stringify(body)}`);
  return body;
};

// One Agency workspace, dialer ready against a sandbox account, one tracking number.
const account = await json(`${sandbox.url}/sandbox/accounts`, { method: 'POST', body: JSON.stringify({ type: 'Full' }) });
const key = await json(`${sandbox.url}/sandbox/accounts/${account.accountSid}/keys`, { method: 'POST', body: JSON.stringify({}) });
const number = await json(`${sandbox.url}/sandbox/accounts/${account.accountSid}/numbers`, { method: 'POST', body: JSON.stringify({}) });
const owner = await json(`${instances[0].url}/api/v1/auth/signup`, { method: 'POST', body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password', name: 'Bench', workspaceName: 'Bench' }) });
const wsId = owner.workspace.id;
const auth = { Authorization: `Bearer ${owner.accessToken}` };
await json(`${instances[0].url}/api/v1/workspaces/${wsId}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ plan: 'agency' }) });
await json(`${instances[0].url}/api/v1/workspaces/${wsId}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ twilio: { accountSid: account.accountSid, authToken: account.authToken }, dialer: { enabled: true, apiKeySid: key.sid, apiKeySecret: key.secret } }) });
await json(`${instances[0].url}/api/v1/workspaces/${wsId}/phone-numbers/import`, { method: 'POST', headers: auth, body: JSON.stringify({ twilioSids: [number.sid] }) });
await json(`${instances[0].url}/api/v1/workspaces/${wsId}/presence/me`, { method: 'PUT', headers: auth, body: JSON.stringify({ status: 'dnd' }) });

const agents = [];
async function addAgents(n) {
  for (let from = agents.length; from < n; from += 100) agents.push(...(await instances[0].call('addAgents', { workspaceId: wsId, from, to: Math.min(n, from + 100) })));
}

// Agents connect in batches, as a real team logs in over minutes, not in one millisecond.
async function connectAll(list, urls) {
  const sockets = [];
  for (let i = 0; i < list.length; i += 50) {
    sockets.push(...(await Promise.all(list.slice(i, i + 50).map((a, k) => new Promise((resolve, reject) => {
      const s = io(`${urls[(i + k) % urls.length]}/realtime`, { transports: ['websocket'], auth: { token: a.token, workspaceId: wsId }, reconnection: false, forceNew: true, timeout: 60_000 });
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    })))));
  }
  return sockets;
}

// Time until the last socket receives `event` matching `callId` (or any for bare broadcasts).
function lastArrival(sockets, event, match) {
  return new Promise((resolve) => {
    let left = sockets.length;
    const handlers = sockets.map((s) => {
      const h = (e) => {
        if (!match(e)) return;
        s.off(event, h);
        if (--left === 0) resolve(now());
      };
      s.on(event, h);
      return h;
    });
    void handlers;
  });
}

// Agents from an earlier scenario stay online after their sockets close (presence waits
// OFFLINE_AFTER_SECONDS for heartbeats); turn them offline as the sweeper would, so each scenario
// rings only its own agents.
async function onlyOnline(list) {
  await pgc.query(`UPDATE agent_presence SET effective_status = 'offline' WHERE effective_status = 'online' AND NOT (user_id = ANY($1))`, [list.map((a) => a.userId)]);
}

let callSeq = 0;
const callSid = () => `CA${(++callSeq).toString(16).padStart(32, '0')}`;
function inboundWebhook(from = `+1415555${String(1000 + (callSeq % 8999)).padStart(4, '0')}`, port = publicPort) {
  const params = { AccountSid: account.accountSid, CallSid: callSid(), From: from, To: number.phoneNumber, CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01' };
  const url = `http://127.0.0.1:${publicPort}/webhooks/twilio/voice/inbound`;
  const target = `http://127.0.0.1:${port}/webhooks/twilio/voice/inbound`;
  return { params, send: () => fetch(target, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': expectedTwilioSignature(account.authToken, url, params) }, body: new URLSearchParams(params) }) };
}

const results = [];
let bareSeq = 0;

if (SCENARIOS.includes('fanout')) {
  for (const n of AGENT_COUNTS) {
    await addAgents(n);
    const ids = agents.slice(0, n).map((a) => a.userId);
    await instances[0].call('audience', { key: n, workspaceId: wsId, userIds: ids });
    for (const layout of [[instances[0].url], [instances[0].url, instances[1].url]]) {
      await onlyOnline(agents.slice(0, n));
      const sockets = await connectAll(agents.slice(0, n), layout);
      await new Promise((r) => setTimeout(r, 500)); // presence heartbeats settle
      const bare = [];
      const fan = [];
      const cpu0 = await cpuSnapshot(true);
      for (let i = 0; i < CALLS; i++) {
        // Bare: instance 0 emits to the same user rooms (asked over IPC: one local hop, as the webhook's HTTP is).
        const tag = `bare-${++bareSeq}`;
        const done = lastArrival(sockets, 'call.ringing', (e) => e.callId === tag);
        const t0 = now();
        await instances[0].call('broadcast', { key: n, payload: { callId: tag, from: '+14155550000', fromFormatted: '', callerName: null, trackingNumber: number.phoneNumber, campaign: null, ringDeadline: new Date().toISOString() } });
        bare.push((await done) - t0);

        const hook = inboundWebhook();
        const arrived = lastArrival(sockets, 'call.ringing', (e) => e.from === hook.params.From && !String(e.callId).startsWith('bare'));
        const t1 = now();
        const res = await hook.send();
        if (!res.ok) throw new Error(`webhook ${res.status}`);
        await res.text();
        fan.push((await arrived) - t1);
      }
      const cpu1 = await cpuSnapshot();
      for (const s of sockets) s.close();
      const row = { agents: n, instances: layout.length, fanP50: pct(fan, 50), fanP99: pct(fan, 99), bareP50: pct(bare, 50), bareP99: pct(bare, 99) };
      results.push(row);
      console.log(`fan-out  N=${String(n).padStart(4)} instances=${layout.length}: webhook→last socket p50 ${ms(row.fanP50)} p99 ${ms(row.fanP99)} | bare broadcast p50 ${ms(row.bareP50)} p99 ${ms(row.bareP99)} | ratio p50 ${(row.fanP50 / row.bareP50).toFixed(2)}× (target ≤ 1.3×), p99 ${(row.fanP99 / row.bareP99).toFixed(2)}× (target ≤ 1.5×)`);
      console.log(cpuLine(cpu0, cpu1, CALLS, 'call (one webhook and one bare broadcast)'));
      await pgStats();
      await new Promise((r) => setTimeout(r, 300)); // disconnects settle before the next layout
    }
  }
  for (const n of AGENT_COUNTS) {
    const one = results.find((r) => r.agents === n && r.instances === 1);
    const two = results.find((r) => r.agents === n && r.instances === 2);
    console.log(`two instances vs one, N=${n}: p50 ${(two.fanP50 / one.fanP50).toFixed(2)}× p99 ${(two.fanP99 / one.fanP99).toFixed(2)}× (target ≤ 1.5×)`);
  }
}

// Claim races: 100 agents answer the same ringing call at once, spread over both instances.
if (SCENARIOS.includes('claims')) {
  await addAgents(100);
  const claimers = agents.slice(0, 100);
  await onlyOnline(claimers);
  const claimSockets = await connectAll(claimers, [instances[0].url, instances[1].url]);
  await new Promise((r) => setTimeout(r, 500));
  const verdicts = [];
  let exactlyOne = 0;
  const cpu0 = await cpuSnapshot(true);
  for (let i = 0; i < CLAIMS; i++) {
    const hook = inboundWebhook();
    const ringing = lastArrival(claimSockets, 'call.ringing', (e) => e.from === hook.params.From);
    const twiml = await hook.send();
    await twiml.text();
    await ringing;
    const { rows: [log] } = await pgc.query(`SELECT id FROM call_logs WHERE twilio_call_sid = $1`, [hook.params.CallSid]);
    const answers = await Promise.all(claimers.map(async (a, k) => {
      const t0 = now();
      const res = await fetch(`${instances[k % 2].url}/api/v1/workspaces/${wsId}/calls/${log.id}/answer`, { method: 'POST', headers: { Authorization: `Bearer ${a.token}` } });
      await res.arrayBuffer();
      verdicts.push(now() - t0);
      return res.status;
    }));
    if (answers.filter((s) => s === 200).length === 1 && answers.filter((s) => s === 409).length === 99) exactlyOne++;
  }
  const cpu1 = await cpuSnapshot();
  for (const s of claimSockets) s.close();
  console.log(`claims   100 concurrent answers × ${CLAIMS} calls: verdict p50 ${ms(pct(verdicts, 50))} p99 ${ms(pct(verdicts, 99))} (target p99 ≤ 100 ms); exactly one winner in ${exactlyOne}/${CLAIMS}`);
  console.log(cpuLine(cpu0, cpu1, CLAIMS * 100, 'answer'));
  await pgStats();
}

// Sustained inbound webhooks (10 agents online, each call parked and rung), to one instance, then
// spread over both (as the reverse proxy does; each instance checks signatures against PUBLIC_URL).
if (SCENARIOS.includes('webhooks')) {
  await addAgents(10);
  for (const targets of [[publicPort], [publicPort, Number(new URL(instances[1].url).port)]]) {
    await onlyOnline(agents.slice(0, 10));
    const ten = await connectAll(agents.slice(0, 10), [instances[0].url]);
    await new Promise((r) => setTimeout(r, 300));
    const latencies = [];
    const hooks = Array.from({ length: WEBHOOKS }, (_, i) => inboundWebhook(undefined, targets[i % targets.length]));
    let next = 0;
    let failed = 0;
    const cpu0 = await cpuSnapshot(true);
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < hooks.length) {
        const h = hooks[next++];
        const s = now();
        const res = await h.send();
        await res.text();
        if (!res.ok) failed++;
        latencies.push(now() - s);
      }
    }));
    const cpu1 = await cpuSnapshot();
    const seconds = (cpu1.t - cpu0.t) / 1000;
    for (const s of ten) s.close();
    console.log(`webhooks ${WEBHOOKS} inbound at concurrency ${CONCURRENCY} to ${targets.length} instance(s): ${(WEBHOOKS / seconds).toFixed(0)}/s (target ≥ 500/s), p50 ${ms(pct(latencies, 50))} p99 ${ms(pct(latencies, 99))} (target p99 ≤ 100 ms)${failed ? `; ${failed} failed` : ''}`);
    console.log(cpuLine(cpu0, cpu1, WEBHOOKS, 'webhook'));
    await pgStats();
    await new Promise((r) => setTimeout(r, 2000)); // after-response work (caller names) drains
  }
}

await pgc.end();
for (const s of [...instances, sandbox]) await s.close();
await db.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
