import type { IncomingMessage } from 'node:http';
import { sendJson, type RequestContext, type Router } from '../http/router.js';
import { answerChat, parseChatRequest } from './chat.js';
import type { OpenAiControl, OpenAiEndpoint, OpenAiRequestLog } from './control.js';
import { maskKey, OPENAI_PREFIX, openAiError, toOpenAiError } from './errors.js';
import { answerTranscription, parseTranscriptionRequest } from './transcriptions.js';

export const SANDBOX_MODELS = ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini'];
// 2024-01-01T00:00:00Z: a fixed `created` keeps the list deterministic.
const MODELS_CREATED = 1704067200;

const modelJson = (id: string) => ({ id, object: 'model', created: MODELS_CREATED, owned_by: 'ringtonic-sandbox' });

// The bearer token, or null without an Authorization header (or an empty one).
function bearerKey(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(.*)$/i.exec(req.headers.authorization ?? '');
  return m?.[1]?.trim() || null;
}

function requireKey(key: string | null): string {
  if (key === null) {
    throw openAiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.");
  }
  if (!/^sk-\S+$/.test(key)) {
    throw openAiError(401, `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`, { code: 'invalid_api_key' });
  }
  return key;
}

// One /v1 endpoint: bearer auth, then the body, then test delays and faults, then the answer.
// Every request, answered or failed, lands in the request log.
function endpoint<T extends { model: string | null }>(
  control: OpenAiControl,
  name: OpenAiEndpoint,
  parse: (ctx: RequestContext) => T,
  answer: (ctx: RequestContext, request: T) => void,
) {
  return async (ctx: RequestContext): Promise<void> => {
    const entry: OpenAiRequestLog = { at: new Date().toISOString(), endpoint: name, model: null, apiKey: bearerKey(ctx.req), status: 200 };
    try {
      const key = requireKey(entry.apiKey);
      const request = parse(ctx);
      entry.model = request.model;
      await control.wait(name, key);
      const fault = control.takeFault(name, key);
      if (fault) {
        if (fault.retryAfterMs !== null) ctx.res.setHeader('retry-after-ms', String(fault.retryAfterMs));
        throw fault.error;
      }
      answer(ctx, request);
      entry.status = ctx.res.statusCode;
    } catch (err) {
      const failure = toOpenAiError(err);
      entry.status = failure.status;
      throw failure;
    } finally {
      control.record(entry);
    }
  };
}

// The OpenAI endpoints the API's AI pipeline calls, answered deterministically under /v1.
export function registerOpenAiRoutes(router: Router, control: OpenAiControl): void {
  const noBody = (ctx: RequestContext) => ({ model: ctx.params.model ?? null });

  router.get(`${OPENAI_PREFIX}/models`, endpoint(control, 'models', noBody, ({ res }) => {
    sendJson(res, 200, { object: 'list', data: SANDBOX_MODELS.map(modelJson) });
  }));
  router.get(`${OPENAI_PREFIX}/models/:model`, endpoint(control, 'models', noBody, ({ res, params }) => {
    if (!SANDBOX_MODELS.includes(params.model!)) {
      throw openAiError(404, `The model '${params.model}' does not exist`, { param: 'model', code: 'model_not_found' });
    }
    sendJson(res, 200, modelJson(params.model!));
  }));
  router.post(`${OPENAI_PREFIX}/audio/transcriptions`, endpoint(control, 'transcriptions', parseTranscriptionRequest, answerTranscription));
  router.post(`${OPENAI_PREFIX}/chat/completions`, endpoint(control, 'chat', parseChatRequest, answerChat));

  router.fallback(OPENAI_PREFIX, ({ req, method, url }) => {
    control.record({ at: new Date().toISOString(), endpoint: null, model: null, apiKey: bearerKey(req), status: 404 });
    throw openAiError(404, `Invalid URL (${method} ${url.pathname})`);
  });
}
