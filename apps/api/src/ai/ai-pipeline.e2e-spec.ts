import { jest } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AI_SECOND_MS, aiWorkspace, analysed, DANA, fakeOpenAi, leaveVoicemail, sandboxOpenAiRequests } from '../../test/factories/ai.factory.js';
import { routingWorld, type RoutingWorld, until } from '../../test/factories/routing.factory.js';
import { post } from '../../test/factories/sandbox.factory.js';
import { bearer, memberWithRole } from '../../test/factories/users.factory.js';
import { createTestApp } from '../../test/test-app.js';

const AI_ENV = { AI_RETRY_LIMIT: '2', AI_RETRY_DELAY_SECONDS: '1', JOBS_POLL_SECONDS: '0.5' };


// Each test waits on a whole recorded call and its analysis (several webhooks and jobs).
jest.setTimeout(60_000);
describe('AI pipeline: retries, failures, restarts, accepting (e2e)', () => {
  let w: RoutingWorld;
  const app = () => w.apps[0]!.app;
  const http = () => request(app().getHttpServer());
  const fault = (body: Record<string, unknown>) => post(`${w.sandbox.url}/sandbox/openai/faults`, body);
  const endpoints = async (key: string) => (await sandboxOpenAiRequests(w.sandbox, key)).map((r) => `${r.endpoint}:${r.status}`);

  beforeAll(async () => {
    w = await routingWorld(1, AI_ENV, AI_SECOND_MS);
  });
  afterAll(async () => w.close());

  it('should retry an endpoint that fails twice and store one result', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    await fault({ status: 503, count: 2, endpoint: 'transcriptions', apiKey: ws.openaiKey });
    const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550301', DANA);
    const log = await analysed(app(), ws, id);
    expect(log.ai).toMatchObject({ status: 'done', error: null, attempts: 3, suggestedLeadStatus: 'qualified', estimatedDealValueCents: 500000 });
    expect(await endpoints(ws.openaiKey)).toEqual(['transcriptions:503', 'transcriptions:503', 'transcriptions:200', 'chat:200']);
  });

  it('should leave the log failed with the reason when the endpoint keeps failing, and the call untouched', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    await fault({ status: 500, count: -1, endpoint: 'chat', apiKey: ws.openaiKey, message: 'The model is on fire' });
    const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550302', DANA);
    const log = await analysed(app(), ws, id);
    expect(log.ai).toMatchObject({ status: 'failed', attempts: 3, suggestedLeadStatus: null, summary: null });
    expect(log.ai!.error).toContain('The model is on fire');
    expect(log.ai!.transcript).toContain('Dana Reyes'); // the step that worked is kept
    expect(log).toMatchObject({ status: 'voicemail', leadStatus: null, dealValueCents: null });
    expect(log.recordingUrl).not.toBeNull();
    // Transcribed once; analysis tried three times.
    expect(await endpoints(ws.openaiKey)).toEqual(['transcriptions:200', 'chat:500', 'chat:500', 'chat:500']);

    // Fixed endpoint: a person retries and it completes.
    await fetch(`${w.sandbox.url}/sandbox/openai/faults`, { method: 'DELETE' });
    const retried = await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${id}/ai/retry`).set(bearer(ws.ownerToken)).expect(200);
    expect(retried.body.ai.status).toBe('pending');
    expect((await analysed(app(), ws, id)).ai).toMatchObject({ status: 'done', suggestedLeadStatus: 'qualified' });
    const again = await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${id}/ai/retry`).set(bearer(ws.ownerToken)).expect(409);
    expect(again.body.code).toBe('AI_NOT_RETRYABLE');
  });

  it('should fail at once, without retrying, on a wrong API key', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send({ ai: { openaiApiKey: 'not-an-openai-key' } }).expect(200);
    const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550303', DANA);
    const log = await analysed(app(), ws, id);
    expect(log.ai).toMatchObject({ status: 'failed', attempts: 1 });
    expect(log.ai!.error).toMatch(/^401 .*Incorrect API key/);
  });

  it('should resume a job after an API restart mid-analysis without transcribing or analysing twice', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    await post(`${w.sandbox.url}/sandbox/openai/delays`, { ms: 60_000, endpoint: 'chat', apiKey: ws.openaiKey });
    const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550304', DANA);
    await analysed(app(), ws, id, ['analysing']);
    await new Promise((r) => setTimeout(r, 500)); // the analysis request is on its way (logged once answered)
    await fetch(`${w.sandbox.url}/sandbox/openai/delays`, { method: 'DELETE' });
    // The instance goes away mid-request; a fresh one on the same database takes the job over.
    const config = w.apps[0]!.config;
    await w.apps[0]!.close();
    w.apps[0] = await createTestApp({ PUBLIC_URL: config.publicUrl, OFFLINE_AFTER_SECONDS: '30', ...AI_ENV }, { sandboxUrl: w.sandbox.url });
    await w.apps[0].app.listen(Number(new URL(config.publicUrl).port), '127.0.0.1'); // where Twilio posts
    const log = await analysed(app(), ws, id, ['done', 'failed'], 30_000);
    expect(log.ai).toMatchObject({ status: 'done', attempts: 2, suggestedLeadStatus: 'qualified', callerName: 'Dana Reyes' });
    const seen = await endpoints(ws.openaiKey);
    expect(seen.filter((e) => e.startsWith('transcriptions'))).toEqual(['transcriptions:200']);
    expect(seen.filter((e) => e === 'chat:200').length).toBeLessThanOrEqual(2);
    const db = app().get(DataSource);
    const [row] = (await db.query(`SELECT ai_attempts, ai_analysed_at FROM call_logs WHERE id = $1`, [id])) as Array<{ ai_attempts: number; ai_analysed_at: Date }>;
    expect(row!.ai_attempts).toBe(2);
  });

  it('should sync the contact when the AI qualification is accepted within 24 h, and only the log after', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    const agentMember = await memberWithRole(app(), ws.workspaceId, 'agent');
    const fresh = await analysed(app(), ws, await leaveVoicemail(app(), w.sandbox, ws, '+14155550305', DANA));
    const accepted = await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${fresh.id}/ai/accept`).set(bearer(agentMember.token)).expect(200);
    expect(accepted.body).toMatchObject({ contactUpdated: true, leadStatus: 'qualified', dealValueCents: 500000, qualifiedBy: { userId: agentMember.userId } });
    expect(accepted.body.ai).toMatchObject({ acceptedBy: { userId: agentMember.userId }, acceptedAt: expect.any(String) });
    const contact = await http().get(`/api/v1/workspaces/${ws.workspaceId}/contacts/${fresh.contact!.id}`).set(bearer(ws.ownerToken)).expect(200);
    expect(contact.body.leadStatus).toBe('qualified');

    const old = await analysed(app(), ws, await leaveVoicemail(app(), w.sandbox, ws, '+14155550306', DANA));
    await app().get(DataSource).query(`UPDATE call_logs SET started_at = now() - interval '26 hours', ended_at = now() - interval '25 hours' WHERE id = $1`, [old.id]);
    const late = await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${old.id}/ai/accept`).set(bearer(agentMember.token)).expect(200);
    expect(late.body).toMatchObject({ contactUpdated: false, leadStatus: 'qualified', syncsContact: false });
    const untouched = await http().get(`/api/v1/workspaces/${ws.workspaceId}/contacts/${old.contact!.id}`).set(bearer(ws.ownerToken)).expect(200);
    expect(untouched.body.leadStatus).toBe('new');

    const manager = await memberWithRole(app(), ws.workspaceId, 'manager');
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${fresh.id}/ai/accept`).set(bearer(manager.token)).expect(403);
    const other = await aiWorkspace(app(), w.sandbox);
    await http().post(`/api/v1/workspaces/${other.workspaceId}/call-logs/${fresh.id}/ai/accept`).set(bearer(other.ownerToken)).expect(404);
  });

  it('should refuse to accept a call with no finished analysis', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send({ ai: { enabled: false } }).expect(200);
    const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550307', 'Hello?');
    const res = await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${id}/ai/accept`).set(bearer(ws.ownerToken)).expect(422);
    expect(res.body.code).toBe('AI_NOTHING_TO_ACCEPT');
  });

  it('should test the connection with the exact error, the saved or the unsaved settings', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    const test = (body: Record<string, unknown> = {}) => http().post(`/api/v1/workspaces/${ws.workspaceId}/ai/test`).set(bearer(ws.ownerToken)).send(body).expect(200);
    expect((await test()).body).toMatchObject({ ok: true, status: 200, missingModels: [], sandbox: true, error: null, baseUrl: `${w.sandbox.url}/v1` });
    const bad = (await test({ openaiApiKey: 'wrong-key-123' })).body;
    expect(bad).toMatchObject({ ok: false, status: 401 });
    expect(bad.error).toMatch(/Incorrect API key provided/);
    expect(bad.error).not.toContain('wrong-key-123');
    expect((await test({ analysisModel: 'gpt-imaginary' })).body).toMatchObject({ ok: true, missingModels: ['gpt-imaginary'] });
    // The saved key never goes to another address: a different base URL needs the key typed again.
    const elsewhere = (await test({ baseUrl: 'http://127.0.0.1:9/v1' })).body;
    expect(elsewhere).toMatchObject({ ok: false, status: null });
    expect(elsewhere.error).toMatch(/Enter the API key to try a different base URL/);
    const unreachable = (await test({ baseUrl: 'http://127.0.0.1:9/v1', openaiApiKey: ws.openaiKey })).body;
    expect(unreachable).toMatchObject({ ok: false, status: null });
    expect(unreachable.error).toMatch(/Could not reach the AI endpoint/);
    const fake = await fakeOpenAi();
    try {
      expect((await test({ baseUrl: fake.url, openaiApiKey: 'sk-fake-endpoint-key' })).body).toMatchObject({ ok: true, sandbox: false, baseUrl: fake.url });
      expect(fake.seen.at(-1)?.authorization).toBe('Bearer sk-fake-endpoint-key');
    } finally {
      await fake.close();
    }
    const agentMember = await memberWithRole(app(), ws.workspaceId, 'agent');
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/ai/test`).set(bearer(agentMember.token)).send({}).expect(403);
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/ai/test`).set(bearer(ws.ownerToken)).send({ baseUrl: 'ftp://x', extra: 1 }).expect(400);
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/ai/test`).set(bearer(ws.ownerToken)).send({ baseUrl: 'https://user:pw@example.com/v1?x=1' }).expect(400);
    // Saving a new base URL needs the key in the same request.
    const moved = await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send({ ai: { baseUrl: 'https://models.example.com/v1' } }).expect(400);
    expect(moved.body.message).toEqual(expect.arrayContaining([expect.stringContaining('openaiApiKey must be given again when baseUrl changes')]));
    await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send({ ai: { baseUrl: 'https://models.example.com/v1', openaiApiKey: 'sk-new-endpoint-key' } }).expect(200);
  });
});
