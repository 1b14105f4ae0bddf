import type { INestApplication } from '@nestjs/common';
import type { CallLogView } from '@ringtonic/contracts';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { readyWorkspace, type ReadyWorkspace, sandboxCall, sandboxPost, until } from './routing.factory.js';
import type { Sandbox } from './sandbox.factory.js';
import { bearer } from './users.factory.js';

/**
 * TwiML seconds for AI worlds: a voicemail's <Record> ends after 5 s of silence, so the pretend
 * caller must speak within 5 × this many ms of the beep (a test polls, then posts the line).
 */
export const AI_SECOND_MS = 200;

export const DANA = 'Hi, my name is Dana Reyes, we need a quote for about five thousand dollars, ready to buy this month';

export interface AiWorkspace extends ReadyWorkspace {
  /** This workspace's own OpenAI key: sandbox faults and request logs are scoped by it. */
  openaiKey: string;
}

/** A ready workspace recording calls, with AI analysis through `baseUrl` (the sandbox's by default). */
export async function aiWorkspace(app: INestApplication, sandbox: Sandbox, baseUrl = `${sandbox.url}/v1`): Promise<AiWorkspace> {
  const ws = await readyWorkspace(app, sandbox);
  const openaiKey = `sk-test-${randomBytes(8).toString('hex')}`;
  await request(app.getHttpServer())
    .patch(`/api/v1/workspaces/${ws.workspaceId}`)
    .set(bearer(ws.ownerToken))
    .send({ recordCalls: true, ai: { enabled: true, openaiApiKey: openaiKey, baseUrl, transcriptionModel: 'whisper-1', analysisModel: 'gpt-4o-mini' } })
    .expect(200);
  return { ...ws, openaiKey };
}

/** Nobody online: the caller leaves `line` as a voicemail. Returns the call log id. */
export async function leaveVoicemail(app: INestApplication, sandbox: Sandbox, ws: ReadyWorkspace, from: string, line: string): Promise<string> {
  const { callSid } = await sandboxPost<{ callSid: string }>(sandbox, '/sandbox/calls', { from, to: ws.trackingNumber });
  await until(async () => (await sandboxCall(sandbox, callSid)).events.some((e) => e.type === 'verb' && e.verb === 'Record'), 'voicemail recording', 20_000);
  await sandboxPost(sandbox, `/sandbox/calls/${callSid}/say`, { text: line });
  await sandboxPost(sandbox, `/sandbox/calls/${callSid}/hangup`);
  const log = await until(async () => {
    const res = await request(app.getHttpServer()).get(`/api/v1/workspaces/${ws.workspaceId}/call-logs`).set(bearer(ws.ownerToken));
    return (res.body.items as CallLogView[]).find((l) => l.twilioCallSid === callSid);
  }, 'call log', 20_000);
  return log.id;
}

/** The call log once its analysis reaches one of `statuses`. */
export async function analysed(app: INestApplication, ws: ReadyWorkspace, callLogId: string, statuses = ['done', 'failed'], ms = 30_000): Promise<CallLogView> {
  let last: unknown = null;
  return until(async () => {
    const res = await request(app.getHttpServer()).get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callLogId}`).set(bearer(ws.ownerToken));
    last = { status: res.body.status, recording: res.body.recordingUrl, ai: res.body.ai && { status: res.body.ai.status, error: res.body.ai.error, attempts: res.body.ai.attempts } };
    return res.body.ai && statuses.includes(res.body.ai.status) ? (res.body as CallLogView) : null;
  }, `analysis ${statuses.join('/')}`, ms).catch((e: Error) => {
    throw new Error(`${e.message}; last seen ${JSON.stringify(last)}`);
  });
}

export interface OpenAiRequestSeen {
  endpoint: string;
  model: string | null;
  apiKey: string | null;
  status: number;
}

export const sandboxOpenAiRequests = async (sandbox: Sandbox, apiKey: string): Promise<OpenAiRequestSeen[]> =>
  (await (await fetch(`${sandbox.url}/sandbox/openai/requests?apiKey=${encodeURIComponent(apiKey)}`)).json()) as OpenAiRequestSeen[];

export interface FakeOpenAi {
  url: string;
  seen: Array<{ path: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

/**
 * A second OpenAI-shaped endpoint, unlike the sandbox in every answer: proves the base URL setting
 * is what the pipeline talks to.
 */
export async function fakeOpenAi(): Promise<FakeOpenAi> {
  const seen: FakeOpenAi['seen'] = [];
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  const server: Server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      seen.push({ path, authorization: req.headers.authorization });
      if (req.method === 'GET' && path === '/openai/v1/models') return json(res, 200, { object: 'list', data: [{ id: 'whisper-1', object: 'model', created: 0, owned_by: 'fake' }, { id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'fake' }] });
      if (req.method === 'POST' && path === '/openai/v1/audio/transcriptions') return json(res, 200, { text: 'Hello from the second endpoint.' });
      if (req.method === 'POST' && path === '/openai/v1/chat/completions') {
        const analysis = { leadStatus: 'contacted', estimatedDealValue: 42, keywords: ['second endpoint'], tags: ['fake'], summary: 'Answered by the second endpoint. Nothing else.', callerName: null, confidence: 0.5 };
        return json(res, 200, {
          id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model: 'fake-model', system_fingerprint: 'fake',
          choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(analysis), refusal: null }, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      }
      json(res, 404, { error: { message: `Unknown path ${path}`, type: 'invalid_request_error', param: null, code: null } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openai/v1`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
