#!/usr/bin/env node
// `npm run bench:ring`: inbound ring fan-out, answer-claim races and sustained inbound webhooks, through
// the real API (built dist), the Twilio sandbox, Socket.IO clients and an embedded PostgreSQL.
// Prints figures and ratios; asserts nothing. AGENTS=100,1000  CALLS=30  CLAIMS=20  WEBHOOKS=2000
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { freePort } from '../scripts/lib/free-port.mjs';

const api = new URL('../apps/api/dist/', import.meta.url);
const { createApi } = await import(new URL('bootstrap.js', api));
const { loadConfig } = await import(new URL('config/app-config.js', api));
const { startEmbeddedPostgres } = await import(new URL('database/embedded-postgres.js', api));
const { SessionsService } = await import(new URL('auth/sessions.service.js', api));
const { UsersService } = await import(new URL('users/users.service.js', api));
const { WorkspaceService } = await import(new URL('workspace/workspace.service.js', api));
const { RealtimeEmitter } = await import(new URL('realtime/realtime.emitter.js', api));
const { expectedTwilioSignature } = await import(new URL('telephony/twilio-signature.js', api));
const { startSandbox } = await import(new URL('../../../libs/sandbox/dist/index.js', api));

const AGENT_COUNTS = (process.env.AGENTS ?? '100,1000').split(',').map(Number);
const CALLS = Number(process.env.CALLS ?? 30);
const CLAIMS = Number(process.env.CLAIMS ?? 20);
const WEBHOOKS = Number(process.env.WEBHOOKS ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const now = () => performance.now();

const dir = mkdtempSync(join(tmpdir(), 'ringtonic-bench-ring-'));
chmodSync(dir, 0o755);
// BENCH_PG_FLAGS="-c synchronous_commit=off" shows the figures without this disk's fsync cost.
const db = await startEmbeddedPostgres(join(dir, 'postgres'), await freePort(), (process.env.BENCH_PG_FLAGS ?? '').split(/\s+/).filter(Boolean));

// What one durable commit costs on this machine's disk: every webhook pays it several times.
{
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  await c.query('CREATE TEMP TABLE IF NOT EXISTS bench_probe (id int)');
  await c.query('CREATE TABLE IF NOT EXISTS bench_commit_probe (id serial PRIMARY KEY)');
  const commits = [];
  for (let i = 0; i < 50; i++) {
    const t = now();
    await c.query('INSERT INTO bench_commit_probe DEFAULT VALUES');
    commits.push(now() - t);
  }
  await c.query('DROP TABLE bench_commit_probe');
  await c.end();
  console.log(`disk     one durable INSERT commit: p50 ${ms(pct(commits, 50))} p99 ${ms(pct(commits, 99))}${process.env.BENCH_PG_FLAGS ? ` (flags: ${process.env.BENCH_PG_FLAGS})` : ''}`);
}
const sandbox = await startSandbox({ port: 0 });
const publicPort = await freePort();
const instances = [];
for (let i = 0; i < 2; i++) {
  const port = i === 0 ? publicPort : await freePort();
  const config = loadConfig({
    DATA_DIR: join(dir, `api${i}`), DATABASE_URL: db.url, PUBLIC_URL: `http://127.0.0.1:${publicPort}`,
    ENCRYPTION_KEY: 'b'.repeat(64), LOG_LEVEL: 'error', OFFLINE_AFTER_SECONDS: '600', SEED_DEMO: 'off',
  });
  const running = await createApi(config, { sandboxUrl: sandbox.url });
  await running.app.listen(port, '127.0.0.1');
  instances.push({ ...running, url: `http://127.0.0.1:${port}` });
}
const app = instances[0].app;

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

// Agents are created directly (hashing 1,000 passwords would measure argon2, not routing).
const users = app.get(UsersService);
const workspaces = app.get(WorkspaceService);
const sessions = app.get(SessionsService);
const agents = [];
async function addAgents(n) {
  while (agents.length < n) {
    const u = await users.create({ email: `agent${agents.length}@bench.test`, name: `Agent ${agents.length}`, password: 'x' });
    await workspaces.addMember(wsId, u.id, 'agent');
    agents.push({ userId: u.id, token: (await sessions.start(u.id)).accessToken });
  }
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

let callSeq = 0;
const callSid = () => `CA${(++callSeq).toString(16).padStart(32, '0')}`;
function inboundWebhook(from = `+1415555${String(1000 + (callSeq % 8999)).padStart(4, '0')}`) {
  const params = { AccountSid: account.accountSid, CallSid: callSid(), From: from, To: number.phoneNumber, CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01' };
  const url = `http://127.0.0.1:${publicPort}/webhooks/twilio/voice/inbound`;
  return { params, send: () => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': expectedTwilioSignature(account.authToken, url, params) }, body: new URLSearchParams(params) }) };
}

const emitter = app.get(RealtimeEmitter);
const results = [];

for (const n of AGENT_COUNTS) {
  await addAgents(n);
  for (const layout of [[instances[0].url], [instances[0].url, instances[1].url]]) {
    const sockets = await connectAll(agents.slice(0, n), layout);
    await new Promise((r) => setTimeout(r, 500)); // presence heartbeats settle
    const ids = agents.slice(0, n).map((a) => a.userId);
    const bare = [];
    const fan = [];
    for (let i = 0; i < CALLS; i++) {
      const tag = `bare-${n}-${layout.length}-${i}`;
      const done = lastArrival(sockets, 'call.ringing', (e) => e.callId === tag);
      const t0 = now();
      emitter.toUsers(wsId, ids, 'call.ringing', { callId: tag, from: '+14155550000', fromFormatted: '', callerName: null, trackingNumber: number.phoneNumber, campaign: null, ringDeadline: new Date().toISOString() });
      bare.push((await done) - t0);

      const hook = inboundWebhook();
      const arrived = lastArrival(sockets, 'call.ringing', (e) => e.from === hook.params.From && !String(e.callId).startsWith('bare'));
      const t1 = now();
      const res = await hook.send();
      if (!res.ok) throw new Error(`webhook ${res.status}`);
      fan.push((await arrived) - t1);
    }
    for (const s of sockets) s.close();
    const row = { agents: n, instances: layout.length, fanP50: pct(fan, 50), fanP99: pct(fan, 99), bareP50: pct(bare, 50), bareP99: pct(bare, 99) };
    results.push(row);
    console.log(`fan-out  N=${String(n).padStart(4)} instances=${layout.length}: webhook→last socket p50 ${ms(row.fanP50)} p99 ${ms(row.fanP99)} | bare broadcast p50 ${ms(row.bareP50)} p99 ${ms(row.bareP99)} | ratio p50 ${(row.fanP50 / row.bareP50).toFixed(2)}× (target ≤ 1.3×), p99 ${(row.fanP99 / row.bareP99).toFixed(2)}× (target ≤ 1.5×)`);
  }
}
for (const n of AGENT_COUNTS) {
  const one = results.find((r) => r.agents === n && r.instances === 1);
  const two = results.find((r) => r.agents === n && r.instances === 2);
  console.log(`two instances vs one, N=${n}: p50 ${(two.fanP50 / one.fanP50).toFixed(2)}× p99 ${(two.fanP99 / one.fanP99).toFixed(2)}× (target ≤ 1.5×)`);
}

// Claim races: 100 agents answer the same ringing call at once, spread over both instances.
await addAgents(100);
const claimers = agents.slice(0, 100);
const claimSockets = await connectAll(claimers, [instances[0].url, instances[1].url]);
await new Promise((r) => setTimeout(r, 500));
const verdicts = [];
let exactlyOne = 0;
for (let i = 0; i < CLAIMS; i++) {
  const hook = inboundWebhook();
  const ringing = lastArrival(claimSockets, 'call.ringing', (e) => e.from === hook.params.From);
  const twiml = await hook.send();
  await twiml.text();
  await ringing;
  const [log] = await app.get((await import('typeorm')).DataSource).query(`SELECT id FROM call_logs WHERE twilio_call_sid = $1`, [hook.params.CallSid]);
  const answers = await Promise.all(claimers.map(async (a, k) => {
    const t0 = now();
    const res = await fetch(`${instances[k % 2].url}/api/v1/workspaces/${wsId}/calls/${log.id}/answer`, { method: 'POST', headers: { Authorization: `Bearer ${a.token}` } });
    await res.arrayBuffer();
    verdicts.push(now() - t0);
    return res.status;
  }));
  if (answers.filter((s) => s === 200).length === 1 && answers.filter((s) => s === 409).length === 99) exactlyOne++;
}
for (const s of claimSockets) s.close();
console.log(`claims   100 concurrent answers × ${CLAIMS} calls: verdict p50 ${ms(pct(verdicts, 50))} p99 ${ms(pct(verdicts, 99))} (target p99 ≤ 100 ms); exactly one winner in ${exactlyOne}/${CLAIMS}`);

// Sustained inbound webhooks (10 agents online, each call parked and rung).
const ten = await connectAll(agents.slice(0, 10), [instances[0].url]);
await new Promise((r) => setTimeout(r, 300));
const latencies = [];
const hooks = Array.from({ length: WEBHOOKS }, () => inboundWebhook());
let next = 0;
const t0 = now();
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (next < hooks.length) {
    const h = hooks[next++];
    const s = now();
    const res = await h.send();
    await res.text();
    latencies.push(now() - s);
  }
}));
const seconds = (now() - t0) / 1000;
for (const s of ten) s.close();
console.log(`webhooks ${WEBHOOKS} inbound at concurrency ${CONCURRENCY}: ${(WEBHOOKS / seconds).toFixed(0)}/s (target ≥ 500/s), p50 ${ms(pct(latencies, 50))} p99 ${ms(pct(latencies, 99))} (target p99 ≤ 100 ms)`);

for (const i of instances) await i.close();
await sandbox.stop();
await db.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
