import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telephony } from './calls/telephony.js';
import { registerAccountControl } from './control/accounts.js';
import { registerCallControl } from './control/calls.js';
import { consolePage } from './control/console-page.js';
import { DeviceHub } from './device/hub.js';
import { HttpError, readBody, Router, sendJson, sendText, type RequestContext } from './http/router.js';
import { OpenAiControl } from './openai/control.js';
import { registerOpenAiControl } from './openai/control-routes.js';
import { isOpenAiPath, OPENAI_BODY_LIMIT, toOpenAiError } from './openai/errors.js';
import { registerOpenAiRoutes } from './openai/routes.js';
import { registerAccountRoutes } from './rest/accounts.js';
import { registerApplicationRoutes } from './rest/applications.js';
import { registerCallRoutes } from './rest/calls.js';
import { registerConferenceRoutes } from './rest/conferences.js';
import { notFound } from './rest/format.js';
import { registerIncomingNumberRoutes } from './rest/incoming-numbers.js';
import { registerLookupRoutes } from './rest/lookup.js';
import { registerRecordingRoutes } from './rest/recordings.js';
import { applySeed, type SandboxSeed } from './seed.js';
import { loadState, saveState } from './state/persistence.js';
import { Store } from './state/store.js';

export function buildRouter(store: Store, telephony: Telephony, devices: DeviceHub, openAi = new OpenAiControl()): Router {
  const router = new Router();
  registerAccountRoutes(router, store);
  registerApplicationRoutes(router, store);
  registerIncomingNumberRoutes(router, store);
  registerCallRoutes(router, store, telephony);
  registerConferenceRoutes(router, store, telephony);
  registerRecordingRoutes(router, store, telephony);
  registerLookupRoutes(router, store);
  registerAccountControl(router, store);
  registerCallControl(router, store, telephony);
  registerOpenAiRoutes(router, openAi);
  registerOpenAiControl(router, openAi);
  router.get('/sandbox/devices', ({ res }) => sendJson(res, 200, devices.list()));
  router.get('/sandbox/health', ({ res }) => sendJson(res, 200, { ok: true }));
  router.get('/', ({ res }) => sendText(res, 200, 'text/html; charset=utf-8', consolePage()));
  return router;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
};

export async function handleRequest(router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const twilioPath = url.pathname.startsWith('/2010-04-01') || url.pathname.startsWith('/v2/');
  // OpenAI routes (/v1) read the raw body themselves (multipart uploads) and answer in OpenAI's error shape.
  const openAiPath = isOpenAiPath(url.pathname);
  try {
    const match = router.match(method, url.pathname);
    if (match === null) throw twilioPath ? notFound(url.pathname) : new HttpError(404, 'Not found', { error: `No route ${method} ${url.pathname}` });
    if (match === 'method') throw new HttpError(405, 'Method not allowed', twilioPath ? { code: 20004, message: 'Method not allowed', more_info: 'https://www.twilio.com/docs/errors/20004', status: 405 } : { error: 'Method not allowed' });
    const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req, openAiPath ? OPENAI_BODY_LIMIT : undefined);
    const type = req.headers['content-type'] ?? '';
    let form = new URLSearchParams();
    let json: unknown = undefined;
    const parse = body.length > 0 && !openAiPath && !type.includes('multipart/form-data');
    if (parse && type.includes('application/json')) json = JSON.parse(body.toString('utf8'));
    else if (parse) form = new URLSearchParams(body.toString('utf8'));
    const ctx: RequestContext = { req, res, method, url, params: match.params, query: url.searchParams, form, json, body };
    await match.handler(ctx);
  } catch (err) {
    if (res.headersSent) return void res.end();
    if (openAiPath) {
      const failure = toOpenAiError(err);
      return sendJson(res, failure.status, failure.body);
    }
    if (err instanceof HttpError) return sendJson(res, err.status, err.body ?? { error: err.message });
    if (err instanceof SyntaxError) return sendJson(res, 400, { error: `Invalid JSON body: ${err.message}` });
    sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
  }
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  // Base URL written into RecordingUrl/media_url; defaults to the listening URL.
  publicUrl?: string;
  // Real milliseconds per TwiML second (Pause, Dial/Record timeouts, durations). Default 10.
  secondMs?: number;
  webhookTimeoutMs?: number;
  // JSON file keeping accounts, keys, applications, numbers, phones and recordings across restarts.
  stateFile?: string;
  seed?: SandboxSeed;
}

export interface Sandbox {
  url: string;
  port: number;
  store: Store;
  telephony: Telephony;
  devices: DeviceHub;
  // Faults, delays and the request log of the OpenAI endpoints (also under /sandbox/openai).
  openAi: OpenAiControl;
  reset(): void;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = new Store();
  if (options.stateFile) loadState(store, options.stateFile);
  let url = '';
  const telephony = new Telephony(store, {
    secondMs: options.secondMs ?? 10,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 15000,
    publicUrl: () => (options.publicUrl ?? url).replace(/\/$/, ''),
  });
  const devices = new DeviceHub(store, telephony);
  telephony.engine.devices = devices;
  const openAi = new OpenAiControl();
  const router = buildRouter(store, telephony, devices, openAi);
  router.post('/sandbox/reset', ({ res }) => {
    reset();
    sendJson(res, 200, { ok: true });
  });
  if (options.seed) applySeed(store, options.seed);

  let saveTimer: NodeJS.Timeout | null = null;
  const stateFile = options.stateFile;
  if (stateFile) {
    saveState(store, stateFile);
    store.onChange(() => {
      saveTimer ??= setTimeout(() => {
        saveTimer = null;
        saveState(store, stateFile);
      }, 50);
    });
  }

  const server: Server = createServer((req, res) => void handleRequest(router, req, res));
  server.on('upgrade', (req, socket, head) => {
    if (!devices.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;

  function reset(): void {
    for (const call of [...telephony.engine.live.values()]) telephony.engine.hangup(call);
    store.reset();
    openAi.reset();
  }

  return {
    url,
    port: address.port,
    store,
    telephony,
    devices,
    openAi,
    reset,
    async stop() {
      await devices.close();
      openAi.close();
      await telephony.stop();
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = null;
      }
      if (stateFile) saveState(store, stateFile);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
