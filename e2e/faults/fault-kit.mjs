// What the fault scenarios share: a PostgreSQL of their own, a workspace on the sandbox, signed inbound
// webhooks (twilio's own signer, through the built API), socket agents, and small timing helpers.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { io } from 'socket.io-client';
import { freePort, root } from '../harness.mjs';

const dist = new URL('apps/api/dist/', `file://${root}`);
const { startEmbeddedPostgres } = await import(new URL('database/embedded-postgres.js', dist));
const { expectedTwilioSignature } = await import(new URL('telephony/twilio-signature.js', dist));

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();
export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Polls `fn` until it returns something truthy; rejects after `timeoutMs` naming `what`. */
export async function until(fn, what, timeoutMs = 15_000, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** An embedded PostgreSQL in a temp dir that the scenario can stop and start again on the same port. */
export async function ownPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'ringtonic-faults-pg-'));
  chmodSync(dir, 0o755);
  const dataDir = join(dir, 'postgres');
  const port = await freePort();
  let db = await startEmbeddedPostgres(dataDir, port);
  return {
    url: db.url,
    dataDir,
    async stop() {
      await db?.stop();
      db = null;
    },
    async start() {
      db = await startEmbeddedPostgres(dataDir, port);
    },
  };
}

/** Rows straight from the shared database (a fresh connection each time: it may have restarted). */
export async function sql(url, text, values = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function json(url, { method = 'GET', body, token } = {}) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/** A workspace with the dialer ready on `sandboxUrl`'s Twilio account and one tracking number; its owner takes calls. */
export async function readyWorkspace(apiUrl, sandboxUrl) {
  const account = await json(`${sandboxUrl}/sandbox/accounts`, { method: 'POST', body: { type: 'Full' } });
  const key = await json(`${sandboxUrl}/sandbox/accounts/${account.accountSid}/keys`, { method: 'POST', body: {} });
  const number = await json(`${sandboxUrl}/sandbox/accounts/${account.accountSid}/numbers`, { method: 'POST', body: {} });
  const owner = await json(`${apiUrl}/api/v1/auth/signup`, {
    method: 'POST',
    body: { email: `owner-${Date.now()}@faults.test`, password: 'fault-suite-password', name: 'Fault Owner', workspaceName: 'Faults' },
  });
  const ws = `${apiUrl}/api/v1/workspaces/${owner.workspace.id}`;
  const token = owner.accessToken;
  await json(ws, { method: 'PATCH', token, body: { plan: 'agency' } });
  await json(ws, { method: 'PATCH', token, body: { twilio: { accountSid: account.accountSid, authToken: account.authToken }, dialer: { enabled: true, apiKeySid: key.sid, apiKeySecret: key.secret } } });
  await json(`${ws}/phone-numbers/import`, { method: 'POST', token, body: { twilioSids: [number.sid] } });
  return { workspaceId: owner.workspace.id, token, account, number };
}

let seq = 0;
/**
 * Sends one inbound voice webhook, signed for `publicUrl` as Twilio signs it, to `targetUrl`.
 * Resolves with its CallSid, HTTP status (0 when the connection failed or it took over 10 s) and latency.
 */
export async function sendInbound({ publicUrl, account, number }, targetUrl) {
  const n = ++seq;
  const params = {
    AccountSid: account.accountSid,
    CallSid: `CA${process.pid.toString(16).padStart(8, '0')}${n.toString(16).padStart(24, '0')}`,
    From: `+1415555${String(1000 + (n % 8999)).padStart(4, '0')}`,
    To: number.phoneNumber,
    CallStatus: 'ringing',
    Direction: 'inbound',
    ApiVersion: '2010-04-01',
  };
  const path = '/webhooks/twilio/voice/inbound';
  const t0 = now();
  let status = 0;
  try {
    const res = await fetch(`${targetUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': expectedTwilioSignature(account.authToken, `${publicUrl}${path}`, params) },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(10_000),
    });
    await res.text();
    status = res.status;
  } catch {
    status = 0;
  }
  return { callSid: params.CallSid, from: params.From, status, ms: now() - t0, at: now() };
}

/** A browser-like agent socket on `/realtime` (reconnects as the widget does); resolves once connected. */
export function connectAgent(apiUrl, { token, workspaceId }) {
  const socket = io(`${apiUrl}/realtime`, { transports: ['websocket'], auth: { token, workspaceId }, forceNew: true, reconnectionDelay: 200 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Sends one webhook with `send()`; true when it was acknowledged and `socket` heard its ring within `ms`. */
export async function ringsOn(socket, send, ms = 3_000) {
  const heard = new Set();
  const onRing = (e) => heard.add(e?.from);
  socket.on('call.ringing', onRing); // listening before the webhook goes out
  try {
    const r = await send();
    if (r.status < 200 || r.status >= 300) return false;
    return await until(async () => heard.has(r.from), `the ring of ${r.callSid}`, ms, 20).catch(() => false);
  } finally {
    socket.off('call.ringing', onRing);
  }
}

/** Sends webhooks to `targets` in turn from `workers` loops until stop(); every result is kept. */
export function webhookStream(hook, targets, { workers = 2, pauseMs = 20 } = {}) {
  const results = [];
  let running = true;
  let i = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      results.push(await sendInbound(hook, targets[i++ % targets.length]));
      await sleep(pauseMs);
    }
  });
  return { results, stop: async () => ((running = false), await Promise.all(loops)) };
}
