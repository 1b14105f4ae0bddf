#!/usr/bin/env node
// A measured server for bench/ring.mjs, in a process of its own so that the load generator (socket
// clients, webhook and answer requests) never shares its event loop with what it measures.
//   node bench/ring-server.mjs api      — the built API (apps/api/dist createApi) on DATABASE_URL
//   node bench/ring-server.mjs sandbox  — the Twilio sandbox (libs/sandbox/dist)
// Reports {ready, url} over IPC, then answers {id, cmd, args} requests with {id, result | error}.
import { join } from 'node:path';

const role = process.argv[2];
// BENCH_API_DIST=<dir>: measure another build of the API (e.g. the previous commit's) under the same harness.
const api = process.env.BENCH_API_DIST ? new URL(`file://${process.env.BENCH_API_DIST.replace(/\/?$/, '/')}`) : new URL('../apps/api/dist/', import.meta.url);
const handlers = { cpu: () => process.cpuUsage() };
let close = async () => undefined;
let url;

if (role === 'sandbox') {
  const { startSandbox } = await import(new URL('../libs/sandbox/dist/index.js', import.meta.url));
  const sandbox = await startSandbox({ port: 0 });
  url = sandbox.url;
  close = () => sandbox.stop();
} else if (role === 'api') {
  const { createApi } = await import(new URL('bootstrap.js', api));
  const { loadConfig } = await import(new URL('config/app-config.js', api));
  const { SessionsService } = await import(new URL('auth/sessions.service.js', api));
  const { UsersService } = await import(new URL('users/users.service.js', api));
  const { WorkspaceService } = await import(new URL('workspace/workspace.service.js', api));
  const { RealtimeEmitter } = await import(new URL('realtime/realtime.emitter.js', api));
  const env = process.env;
  const config = loadConfig({
    DATA_DIR: join(env.BENCH_DIR, `api-${process.pid}`), DATABASE_URL: env.DATABASE_URL, PUBLIC_URL: env.PUBLIC_URL,
    ENCRYPTION_KEY: 'b'.repeat(64), LOG_LEVEL: 'error', OFFLINE_AFTER_SECONDS: '600', SEED_DEMO: 'off',
  });
  const running = await createApi(config, { sandboxUrl: env.SANDBOX_URL });
  await running.app.listen(Number(env.PORT ?? 0), '127.0.0.1');
  url = await running.app.getUrl().then((u) => u.replace('[::1]', '127.0.0.1'));
  close = () => running.close();
  const app = running.app;
  const audiences = new Map();
  // Agents are created directly (signing 1,000 up over HTTP would measure argon2, not routing).
  handlers.addAgents = async ({ workspaceId, from, to }) => {
    const out = [];
    for (let i = from; i < to; i++) {
      const u = await app.get(UsersService).create({ email: `agent${i}@bench.test`, name: `Agent ${i}`, password: 'x' });
      await app.get(WorkspaceService).addMember(workspaceId, u.id, 'agent');
      out.push({ userId: u.id, token: (await app.get(SessionsService).start(u.id)).accessToken });
    }
    return out;
  };
  // The bare baseline: the same emit the API does, to the same user rooms, minus everything before it.
  handlers.audience = ({ key, workspaceId, userIds }) => void audiences.set(key, { workspaceId, userIds });
  handlers.broadcast = ({ key, payload }) => {
    const a = audiences.get(key);
    app.get(RealtimeEmitter).toUsers(a.workspaceId, a.userIds, 'call.ringing', payload);
  };
} else {
  throw new Error(`usage: ring-server.mjs api|sandbox (got ${role})`);
}

handlers.close = async () => {
  await close();
  setImmediate(() => process.exit(0)); // exits cleanly so --cpu-prof writes its profile
};
process.on('message', async ({ id, cmd, args }) => {
  try {
    process.send({ id, result: (await handlers[cmd](args ?? {})) ?? null });
  } catch (e) {
    process.send({ id, error: e instanceof Error ? e.stack : String(e) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true, url });
