import type { INestApplication } from '@nestjs/common';
import type { Role } from '@ringtonic/contracts';
import { startSandbox } from '@ringtonic/sandbox';
import request from 'supertest';
import WebSocket from 'ws';
import { freePortSync } from './ports.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { dialerSettings, post, type Sandbox, type SandboxAccount, sandboxAccount } from './sandbox.factory.js';
import { connectRealtime, type RealtimeClient } from './sockets.factory.js';
import { bearer, memberWithRole, signup } from './users.factory.js';

export interface RoutingWorld {
  sandbox: Sandbox;
  apps: TestApp[];
  urls: string[];
  close(): Promise<void>;
}

/**
 * The sandbox plus `instances` API instances on one database, each reachable at PUBLIC_URL.
 * `secondMs`: real milliseconds per TwiML second (a <Record> ends after 5 of them in silence).
 */
export async function routingWorld(instances = 1, env: Record<string, string> = {}, secondMs?: number): Promise<RoutingWorld> {
  const sandbox = await startSandbox({ port: 0, ...(secondMs ? { secondMs } : {}) });
  const apps: TestApp[] = [];
  const urls: string[] = [];
  const port = await freePortSync();
  // Twilio (the sandbox) reaches instance 0; the others serve agents' REST and sockets.
  for (let i = 0; i < instances; i++) {
    const p = i === 0 ? port : await freePortSync();
    const app = await createTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}`, OFFLINE_AFTER_SECONDS: '30', ...env }, { sandboxUrl: sandbox.url });
    await app.app.listen(p, '127.0.0.1');
    apps.push(app);
    urls.push(`http://127.0.0.1:${p}`);
  }
  return {
    sandbox,
    apps,
    urls,
    close: async () => {
      for (const a of apps) await a.close();
      await sandbox.stop();
    },
  };
}

export interface ReadyWorkspace {
  workspaceId: string;
  ownerToken: string;
  account: SandboxAccount;
  trackingNumber: string;
}

/** An Agency workspace whose dialer is ready, with one tracking number in campaign "Google Ads". */
export async function readyWorkspace(app: INestApplication, sandbox: Sandbox, opts: { ringTimeoutSeconds?: number } = {}): Promise<ReadyWorkspace> {
  const account = await sandboxAccount(sandbox, { numberCount: 1 });
  const s = await signup(app);
  const ws = `/api/v1/workspaces/${s.workspace.id}`;
  const http = () => request(app.getHttpServer());
  await http().patch(ws).set(bearer(s.accessToken)).send({ plan: 'agency', ringTimeoutSeconds: opts.ringTimeoutSeconds ?? 30 }).expect(200);
  const saved = await http().patch(ws).set(bearer(s.accessToken)).send(dialerSettings(account)).expect(200);
  if (saved.body.dialer.status !== 'ready') throw new Error(`dialer not ready: ${saved.body.dialer.statusMessage}`);
  const imported = await http().post(`${ws}/phone-numbers/import`).set(bearer(s.accessToken)).send({ twilioSids: [account.numbers[0]!.sid] }).expect(200);
  const campaign = await http().post(`${ws}/campaigns`).set(bearer(s.accessToken)).send({ name: 'Google Ads' }).expect(201);
  await http().patch(`${ws}/phone-numbers/${imported.body.items[0].id}`).set(bearer(s.accessToken)).send({ campaignId: campaign.body.id }).expect(200);
  // The owner is not part of these scenarios: keep them out of ringing.
  await http().put(`${ws}/presence/me`).set(bearer(s.accessToken)).send({ status: 'dnd' }).expect(200);
  return { workspaceId: s.workspace.id, ownerToken: s.accessToken, account, trackingNumber: account.numbers[0]!.phoneNumber };
}

export interface Agent {
  userId: string;
  token: string;
  socket: RealtimeClient | null;
}

/** A member with `role` and, unless offline, a live socket with the given intended status. */
export async function agent(app: INestApplication, url: string, workspaceId: string, role: Role, status: 'online' | 'away' | 'dnd' | 'offline' = 'online'): Promise<Agent> {
  const m = await memberWithRole(app, workspaceId, role);
  if (status === 'offline') return { userId: m.userId, token: m.token, socket: null };
  const socket = await connectRealtime(url, m.token, workspaceId);
  if (status !== 'online') await socket.emitWithAck('presence.set', { status });
  return { userId: m.userId, token: m.token, socket };
}

export const sandboxPost = <T>(sandbox: Sandbox, path: string, body: unknown = {}): Promise<T> => post<T>(`${sandbox.url}${path}`, body);

export async function sandboxCall(sandbox: Sandbox, callSid: string): Promise<{ status: string; conference?: { friendlyName: string; status: string }; participants?: Array<{ callSid: string }>; events: Array<{ type: string; [k: string]: unknown }> }> {
  return (await (await fetch(`${sandbox.url}/sandbox/calls/${callSid}`)).json()) as never;
}

export async function until<T>(fn: () => Promise<T | null | undefined | false>, what: string, ms = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A browser device on the sandbox's device protocol (what the SPA's SandboxDevice speaks). */
export async function sandboxDevice(sandbox: Sandbox, voiceToken: string) {
  const ws = new WebSocket(`${sandbox.url.replace('http', 'ws')}/device`);
  const frames: Array<Record<string, unknown>> = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Record<string, unknown>));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const send = (f: object) => ws.send(JSON.stringify(f));
  send({ type: 'listen', token: voiceToken });
  await until(async () => frames.find((f) => f.type === 'connected' || f.type === 'error'), 'device connected');
  return {
    frames,
    connect: async (params: Record<string, string>) => {
      const id = `TJ${Math.random().toString(16).slice(2)}`;
      send({ type: 'connect', id, params });
      const created = await until(async () => frames.find((f) => f.type === 'callCreated' && f.id === id), 'callCreated');
      return String(created.callSid);
    },
    hangup: (callSid: string) => send({ type: 'hangup', callSid }),
    close: () => ws.close(),
  };
}
