import { randomBytes } from 'node:crypto';
import { sendJson, type RequestContext } from '../http/router.js';
import { analyseTranscript } from './analysis.js';
import { invalidParameter, missingParameter, openAiError } from './errors.js';
import { fillSchema } from './schema.js';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

interface ChatMessage {
  role: string;
  content: unknown;
}

type ResponseFormat = { type: 'text' } | { type: 'json_object' } | { type: 'json_schema'; name: string; schema: unknown };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  format: ResponseFormat;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseFormat(raw: unknown): ResponseFormat {
  if (raw === undefined || raw === null) return { type: 'text' };
  if (!isObject(raw) || !['text', 'json_object', 'json_schema'].includes(String(raw.type))) {
    throw invalidParameter('response_format.type', "Invalid value for 'response_format.type': expected one of 'text', 'json_object' or 'json_schema'.");
  }
  if (raw.type !== 'json_schema') return { type: raw.type as 'text' | 'json_object' };
  const spec = raw.json_schema;
  if (!isObject(spec)) throw missingParameter('response_format.json_schema');
  if (typeof spec.name !== 'string' || !spec.name) throw missingParameter('response_format.json_schema.name');
  return { type: 'json_schema', name: spec.name, schema: spec.schema };
}

export function parseChatRequest(ctx: RequestContext): ChatRequest {
  if (ctx.body.length === 0) throw openAiError(400, 'We could not parse the JSON body of your request: the body is empty.');
  const body: unknown = JSON.parse(ctx.body.toString('utf8'));
  if (!isObject(body)) throw openAiError(400, 'The request body must be a JSON object.');
  if (typeof body.model !== 'string' || !body.model) throw missingParameter('model');
  if (!Array.isArray(body.messages)) throw missingParameter('messages');
  if (body.messages.length === 0) throw invalidParameter('messages', "Invalid 'messages': empty array. Expected an array with minimum length 1.");
  body.messages.forEach((m, i) => {
    if (!isObject(m) || !ROLES.includes(String(m.role))) throw invalidParameter(`messages[${i}].role`, `Invalid value for 'messages[${i}].role': expected one of ${ROLES.join(', ')}.`);
  });
  if (body.stream === true) throw invalidParameter('stream', 'The Ring Tonic sandbox does not stream chat completions; send stream: false.');
  return { model: body.model, messages: body.messages as ChatMessage[], format: parseFormat(body.response_format) };
}

// A message's text: a string, or the `text` parts of a content array.
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.filter((p) => isObject(p) && p.type === 'text' && typeof p.text === 'string').map((p) => (p as { text: string }).text).join('\n');
}

const tokens = (text: string) => Math.ceil(text.length / 4);

// The transcript is the last user message; the analysis answers as the requested format asks.
export function answerChat(ctx: RequestContext, request: ChatRequest): void {
  const transcript = textOf([...request.messages].reverse().find((m) => m.role === 'user')?.content);
  const analysis = analyseTranscript(transcript);
  const { format } = request;
  const content = format.type === 'json_schema'
    ? JSON.stringify(fillSchema({ ...analysis }, format.schema))
    : format.type === 'json_object' ? JSON.stringify(analysis) : analysis.summary;
  const promptTokens = request.messages.reduce((sum, m) => sum + tokens(textOf(m.content)) + 4, 0);
  const completionTokens = tokens(content);
  sendJson(ctx.res, 200, {
    id: `chatcmpl-${randomBytes(15).toString('hex')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    system_fingerprint: 'ringtonic-sandbox',
  });
}
