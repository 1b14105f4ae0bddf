import OpenAI, { APIConnectionError, AuthenticationError, BadRequestError, InternalServerError, NotFoundError, RateLimitError, toFile } from 'openai';
import { wavOfSeconds, wavWithTranscript } from '../calls/wav.js';
import { startSandbox, type Sandbox } from '../server.js';
import { FakeApp } from '../test-support/app-server.js';
import { accountWithNumber, control, eventually } from '../test-support/control.js';
import type { OpenAiRequestLog } from './control.js';

const DANA = 'Hi, my name is Dana Reyes, we need a quote for about five thousand dollars, ready to buy this month';
const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'junk'];
const ANALYSIS_FORMAT = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'call_analysis',
    strict: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['leadStatus', 'estimatedDealValue', 'keywords', 'tags', 'summary', 'callerName', 'confidence', 'sentiment'],
      properties: {
        leadStatus: { type: 'string', enum: LEAD_STATUSES },
        estimatedDealValue: { type: ['number', 'null'] },
        keywords: { type: 'array', items: { type: 'string' } },
        tags: { type: 'array', items: { type: 'string' } },
        summary: { type: 'string' },
        callerName: { type: ['string', 'null'] },
        confidence: { type: 'number' },
        sentiment: { type: ['string', 'null'] },
      },
    },
  },
};

describe('OpenAI endpoints through the unmodified openai library', () => {
  let sandbox: Sandbox;
  const client = (apiKey: string, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
    new OpenAI({ apiKey, baseURL: `${sandbox.url}/v1`, maxRetries: 0, ...options });
  const requests = (apiKey: string) => control<OpenAiRequestLog[]>(sandbox.url, 'GET', `/sandbox/openai/requests?apiKey=${apiKey}`);
  const wavFile = (lines: string[]) => toFile(wavWithTranscript(2, lines), 'call.wav');
  const analyse = (ai: OpenAI, transcript: string) => ai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: 'Analyse this sales call.' }, { role: 'user', content: transcript }],
    response_format: ANALYSIS_FORMAT,
  });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('should transcribe a recorded call and analyse it into the schema when the caller said the Dana Reyes line', async () => {
    const app = await new FakeApp().start();
    const { accountSid, authToken, number } = await accountWithNumber(sandbox.url, `${app.url}/inbound`);
    app.reply('/inbound', '<Response><Record action="/recorded" finishOnKey="#" timeout="50"/></Response>');
    app.reply('/recorded', '<Response><Hangup/></Response>');
    const { callSid } = await control<{ callSid: string }>(sandbox.url, 'POST', '/sandbox/calls', { from: '+14155550301', to: number });
    await eventually(() => control<{ events: Array<{ type: string; verb?: string }> }>(sandbox.url, 'GET', `/sandbox/calls/${callSid}`),
      (c) => c.events.some((e) => e.type === 'verb' && e.verb === 'Record'));
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/say`, { text: DANA });
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/digits`, { digits: '#' });
    const recorded = await app.waitFor((h) => h.path === '/recorded');
    await app.stop();
    const media = await fetch(`${recorded.params.RecordingUrl}.wav`, {
      headers: { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` },
    });
    const audio = Buffer.from(await media.arrayBuffer());
    expect(audio.readUInt32LE(4)).toBe(audio.length - 8);
    const ai = client('sk-test-pipeline');

    const transcription = await ai.audio.transcriptions.create({ file: await toFile(audio, 'call.wav'), model: 'whisper-1' });
    expect(transcription.text).toBe(DANA);

    const completion = await analyse(ai, transcription.text);
    expect(completion).toMatchObject({
      object: 'chat.completion', model: 'gpt-4o-mini', system_fingerprint: 'ringtonic-sandbox',
      choices: [{ index: 0, message: { role: 'assistant', refusal: null }, logprobs: null, finish_reason: 'stop' }],
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
    const analysis = JSON.parse(completion.choices[0]!.message.content!);
    expect(Object.keys(analysis).sort()).toEqual(Object.keys(ANALYSIS_FORMAT.json_schema.schema.properties).sort());
    expect(analysis).toMatchObject({ leadStatus: 'qualified', estimatedDealValue: 5000, callerName: 'Dana Reyes', sentiment: null });
    expect(analysis.keywords).toEqual(expect.arrayContaining(['quote', 'ready to buy']));
    expect(analysis.tags).toEqual(expect.arrayContaining(['quote-request', 'hot-lead']));
    expect((await requests('sk-test-pipeline')).map((r) => [r.endpoint, r.model, r.status])).toEqual([
      ['transcriptions', 'whisper-1', 200],
      ['chat', 'gpt-4o-mini', 200],
    ]);
  });

  it('should answer text and verbose_json transcriptions, and "" when the audio has no transcript', async () => {
    const ai = client('sk-test-formats');
    const lines = ['I need a quote.', 'Call me back tomorrow.'];
    const text = await ai.audio.transcriptions.create({ file: await wavFile(lines), model: 'gpt-4o-mini-transcribe', response_format: 'text' });
    expect(text).toBe('I need a quote. Call me back tomorrow.');
    const verbose = await ai.audio.transcriptions.create({ file: await wavFile(lines), model: 'whisper-1', response_format: 'verbose_json' });
    expect(verbose).toMatchObject({
      task: 'transcribe', language: 'english', duration: 2, text: 'I need a quote. Call me back tomorrow.',
      segments: [{ id: 0, start: 0, end: 1, text: lines[0] }, { id: 1, start: 1, end: 2, text: lines[1] }],
    });
    const silent = await ai.audio.transcriptions.create({ file: await toFile(wavOfSeconds(1), 'plain.wav'), model: 'whisper-1' });
    expect(silent.text).toBe('');
  });

  it('should answer a plain-text two-sentence summary when there is no response_format', async () => {
    const completion = await client('sk-test-plain').chat.completions.create({
      model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'text', text: 'Sorry, wrong number.' }] }],
    });
    expect(completion.model).toBe('gpt-4o');
    expect(completion.choices[0]!.message.content).toBe('The caller was not a genuine lead (wrong number). No follow-up is needed.');
  });

  it('should list the sandbox models and 404 an unknown one', async () => {
    const ai = client('sk-test-models');
    const models = await ai.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['whisper-1', 'gpt-4o-mini-transcribe', 'gpt-4o-mini', 'gpt-4o']));
    expect(models.data[0]).toEqual({ id: expect.any(String), object: 'model', created: expect.any(Number), owned_by: 'ringtonic-sandbox' });
    expect((await ai.models.retrieve('gpt-4o-mini')).id).toBe('gpt-4o-mini');
    await expect(ai.models.retrieve('gpt-9')).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });

  it('should reject a key that is not sk-… with invalid_api_key and a missing key in OpenAI\'s shape', async () => {
    const failure = await client('bogus-key-abcdefwxyz').models.list().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error', param: null });
    expect((failure as Error).message).toContain('Incorrect API key provided: bogus****wxyz.');
    const missing = await fetch(`${sandbox.url}/v1/models`);
    expect(missing.status).toBe(401);
    const body = await missing.json();
    expect(body).toEqual({ error: { message: expect.stringMatching(/^You didn't provide an API key\./), type: 'invalid_request_error', param: null, code: null } });
    expect((await requests('bogus-key-abcdefwxyz')).map((r) => r.status)).toEqual([401]);
  });

  it('should answer bad bodies with 400 and unknown routes with 404 in OpenAI\'s error shape', async () => {
    const ai = client('sk-test-bad');
    const noModel = new FormData();
    noModel.append('file', new Blob([new Uint8Array(wavOfSeconds(1))]), 'a.wav');
    const auth = { Authorization: 'Bearer sk-test-bad' };
    const missingModel = await fetch(`${sandbox.url}/v1/audio/transcriptions`, { method: 'POST', headers: auth, body: noModel });
    expect(missingModel.status).toBe(400);
    expect(await missingModel.json()).toEqual({ error: { message: "Missing required parameter: 'model'.", type: 'invalid_request_error', param: 'model', code: 'missing_required_parameter' } });
    await expect(ai.audio.transcriptions.create({ file: await toFile(Buffer.from('x'), 'notes.txt'), model: 'whisper-1' }))
      .rejects.toBeInstanceOf(BadRequestError);
    await expect(ai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] })).rejects.toMatchObject({ status: 400, param: 'messages' });
    const badJson = await fetch(`${sandbox.url}/v1/chat/completions`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
    const unknown = await fetch(`${sandbox.url}/v1/embeddings`, { method: 'POST', headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { message: 'Invalid URL (POST /v1/embeddings)', type: 'invalid_request_error', param: null, code: null } });
    expect((await fetch(`${sandbox.url}/v1/chat/completions`, { headers: auth })).status).toBe(404);
  });

  it('should fail the next count requests of a scoped fault and then succeed, leaving other keys alone', async () => {
    const [faulty, other] = [client('sk-test-fault-a'), client('sk-test-fault-b')];
    await control(sandbox.url, 'POST', '/sandbox/openai/faults', { status: 503, count: 2, endpoint: 'chat', apiKey: 'sk-test-fault-a' });

    expect((await analyse(other, DANA)).choices).toHaveLength(1);
    await expect(faulty.models.list()).resolves.toBeDefined(); // another endpoint
    for (let i = 0; i < 2; i++) {
      const failure = await analyse(faulty, DANA).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(InternalServerError);
      expect(failure).toMatchObject({ status: 503, type: 'server_error' });
    }
    expect((await analyse(faulty, DANA)).choices).toHaveLength(1);
    expect((await requests('sk-test-fault-a')).map((r) => [r.endpoint, r.status])).toEqual([['models', 200], ['chat', 503], ['chat', 503], ['chat', 200]]);
    expect((await requests('sk-test-fault-b')).map((r) => r.status)).toEqual([200]);
  });

  it('should fail every request until cleared when count is -1, and let the library retry with retryAfterMs', async () => {
    const ai = client('sk-test-fault-forever');
    await control(sandbox.url, 'POST', '/sandbox/openai/faults', { status: 429, count: -1, apiKey: 'sk-test-fault-forever', message: 'Slow down' });
    for (let i = 0; i < 3; i++) await expect(ai.models.list()).rejects.toBeInstanceOf(RateLimitError);
    await expect(ai.models.list()).rejects.toMatchObject({ code: 'rate_limit_exceeded', message: '429 Slow down' });
    await control(sandbox.url, 'DELETE', '/sandbox/openai/faults?apiKey=sk-test-fault-forever');
    await expect(ai.models.list()).resolves.toBeDefined();

    await control(sandbox.url, 'POST', '/sandbox/openai/faults', { status: 500, count: 2, apiKey: 'sk-test-retry', retryAfterMs: 5 });
    const retrying = client('sk-test-retry', { maxRetries: 2 });
    const started = Date.now();
    await expect(retrying.models.list()).resolves.toBeDefined();
    expect(Date.now() - started).toBeLessThan(1000); // retry-after-ms, not the library's backoff (≥ 1.1 s for two retries)
    expect((await requests('sk-test-retry')).map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it('should delay matching requests until the delay is cleared', async () => {
    const key = 'sk-test-delay';
    await control(sandbox.url, 'POST', '/sandbox/openai/delays', { ms: 300, endpoint: 'transcriptions', apiKey: key });
    const ai = client(key);
    let started = Date.now();
    await ai.audio.transcriptions.create({ file: await wavFile(['hello']), model: 'whisper-1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // Under jest's VM realm the library cannot tell its abort from other connection errors, so
    // expect the base class (APIConnectionTimeoutError extends it).
    await expect(client(key, { timeout: 40 }).audio.transcriptions.create({ file: await wavFile(['hello']), model: 'whisper-1' }))
      .rejects.toBeInstanceOf(APIConnectionError);
    started = Date.now();
    await client('sk-test-not-delayed').audio.transcriptions.create({ file: await wavFile(['hello']), model: 'whisper-1' });
    await ai.models.list();
    expect(Date.now() - started).toBeLessThan(250);
    await control(sandbox.url, 'DELETE', `/sandbox/openai/delays?apiKey=${key}`);
    started = Date.now();
    await ai.audio.transcriptions.create({ file: await wavFile(['hello']), model: 'whisper-1' });
    expect(Date.now() - started).toBeLessThan(250);
  });

  it('should log every /v1 request and clear the log, and refuse bad control bodies', async () => {
    const key = 'sk-test-log';
    await client(key).models.list();
    await client(key).audio.transcriptions.create({ file: await wavFile(['x']), model: 'whisper-1' });
    const log = await requests(key);
    expect(log).toEqual([
      { at: expect.any(String), endpoint: 'models', model: null, apiKey: key, status: 200 },
      { at: expect.any(String), endpoint: 'transcriptions', model: 'whisper-1', apiKey: key, status: 200 },
    ]);
    expect(Date.parse(log[0]!.at)).not.toBeNaN();
    await control(sandbox.url, 'DELETE', `/sandbox/openai/requests?apiKey=${key}`);
    expect(await requests(key)).toEqual([]);
    await expect(control(sandbox.url, 'POST', '/sandbox/openai/faults', { status: 200 })).rejects.toThrow(/400/);
    await expect(control(sandbox.url, 'POST', '/sandbox/openai/faults', { status: 500, count: 0 })).rejects.toThrow(/400/);
    await expect(control(sandbox.url, 'POST', '/sandbox/openai/faults', { status: 500, endpoint: 'embeddings' })).rejects.toThrow(/400/);
    await expect(control(sandbox.url, 'POST', '/sandbox/openai/delays', {})).rejects.toThrow(/400/);
  });

  it('should forget faults, delays and the log when the sandbox resets', async () => {
    await control(sandbox.url, 'POST', '/sandbox/openai/faults', { status: 500, count: -1, apiKey: 'sk-test-reset' });
    await control(sandbox.url, 'POST', '/sandbox/openai/delays', { ms: 10_000, apiKey: 'sk-test-reset' });
    await control(sandbox.url, 'POST', '/sandbox/reset');
    expect(await control<unknown[]>(sandbox.url, 'GET', '/sandbox/openai/faults')).toEqual([]);
    expect(await control<unknown[]>(sandbox.url, 'GET', '/sandbox/openai/delays')).toEqual([]);
    await expect(client('sk-test-reset').models.list()).resolves.toBeDefined();
    expect(await requests('sk-test-reset')).toHaveLength(1);
  });
});
