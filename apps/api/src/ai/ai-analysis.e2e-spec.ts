import { jest } from '@jest/globals';
import type { CallLogView, ContactView } from '@ringtonic/contracts';
import request from 'supertest';
import { AI_SECOND_MS, aiWorkspace, analysed, DANA, fakeOpenAi, leaveVoicemail, sandboxOpenAiRequests } from '../../test/factories/ai.factory.js';
import { agent, routingWorld, type RoutingWorld, sandboxCall, sandboxDevice, sandboxPost, until } from '../../test/factories/routing.factory.js';
import { nextEvent } from '../../test/factories/sockets.factory.js';
import { bearer, memberWithRole } from '../../test/factories/users.factory.js';

const AI_ENV = { AI_RETRY_LIMIT: '2', AI_RETRY_DELAY_SECONDS: '1', JOBS_POLL_SECONDS: '0.5' };


// Each test waits on a whole recorded call and its analysis (several webhooks and jobs).
jest.setTimeout(60_000);
describe('AI call analysis: recording → transcript → suggestions (e2e)', () => {
  let w: RoutingWorld;
  const http = () => request(w.apps[0]!.app.getHttpServer());
  const app = () => w.apps[0]!.app;

  beforeAll(async () => {
    w = await routingWorld(1, AI_ENV, AI_SECOND_MS);
  });
  afterAll(async () => w.close());

  const contactOf = async (ws: { workspaceId: string; ownerToken: string }, id: string): Promise<ContactView> =>
    (await http().get(`/api/v1/workspaces/${ws.workspaceId}/contacts/${id}`).set(bearer(ws.ownerToken)).expect(200)).body as ContactView;

  function expectDanaAnalysis(log: CallLogView): void {
    expect(log.ai).toMatchObject({
      status: 'done',
      error: null,
      suggestedLeadStatus: 'qualified',
      estimatedDealValueCents: 500000,
      callerName: 'Dana Reyes',
      sandbox: true,
      model: 'gpt-4o-mini',
    });
    expect(log.ai!.transcript).toContain('my name is Dana Reyes');
    expect(log.ai!.keywords).toEqual(expect.arrayContaining(['quote', 'ready to buy']));
    expect(log.ai!.tags).toEqual(expect.arrayContaining(['quote-request', 'hot-lead']));
    expect(log.ai!.summary).toMatch(/Dana Reyes/);
    expect(log.ai!.confidence).toBeGreaterThan(0.5);
    // Suggestions stay apart from what a person set.
    expect(log.leadStatus).toBeNull();
    expect(log.dealValueCents).toBeNull();
  }

  it('should analyse a voicemail into a qualified lead worth $5,000 and name the new contact', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550201', DANA);
    const log = await analysed(app(), ws, id);
    expectDanaAnalysis(log);
    expect(log.status).toBe('voicemail');
    expect(log.ai!.attempts).toBe(1);
    const contact = await contactOf(ws, log.contact!.id);
    expect(contact.name).toBe('Dana Reyes');
    expect(contact.leadStatus).toBe('new'); // nothing else on the contact changes by itself
    const seen = await sandboxOpenAiRequests(w.sandbox, ws.openaiKey);
    expect(seen.map((r) => r.endpoint).sort()).toEqual(['chat', 'transcriptions']);
  });

  it('should analyse an answered, recorded call and keep the name a person gave the contact', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    const consent = 'This call is recorded for quality.';
    await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send({ recordingAnnouncement: consent }).expect(200);
    const caller = '+14155550202';
    const named = await http().post(`/api/v1/workspaces/${ws.workspaceId}/contacts`).set(bearer(ws.ownerToken)).send({ phone: caller, name: 'Dana from Acme' }).expect(201);
    const a = await agent(app(), w.urls[0]!, ws.workspaceId, 'agent');
    const ring = nextEvent(a.socket!, 'call.ringing');
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: caller, to: ws.trackingNumber });
    const { callId } = await ring;
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/calls/${callId}/answer`).set(bearer(a.token)).expect(200);
    const token = (await http().post(`/api/v1/workspaces/${ws.workspaceId}/dialer/token`).set(bearer(a.token)).expect(200)).body.token;
    const device = await sandboxDevice(w.sandbox, token);
    const agentLeg = await device.connect({ answerCallId: callId });
    await until(async () => {
      const c = await sandboxCall(w.sandbox, callSid);
      return c.conference?.status === 'in-progress' && (c.participants ?? []).some((p) => p.callSid === agentLeg);
    }, 'bridged');
    // The caller heard the consent announcement before being connected.
    const said = (await sandboxCall(w.sandbox, callSid)).events.filter((e) => e.type === 'verb' && e.verb === 'Say');
    expect(JSON.stringify(said)).toContain(consent);
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/say`, { text: DANA });
    await sandboxPost(w.sandbox, `/sandbox/calls/${agentLeg}/say`, { text: 'Great, I will send the quote today.' });
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/hangup`);
    const log = await analysed(app(), ws, callId);
    expectDanaAnalysis(log);
    expect(log.status).toBe('completed');
    expect(log.ai!.transcript).toContain('I will send the quote today');
    expect(log.recordingUrl).toBe(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}/recording`);
    expect((await contactOf(ws, named.body.id)).name).toBe('Dana from Acme');

    // The leaderboard tells the AI's qualifications from a person's, and accepted ones apart.
    const row = async () =>
      ((await http().get(`/api/v1/workspaces/${ws.workspaceId}/reports/agents`).set(bearer(ws.ownerToken)).expect(200)).body.items as Array<Record<string, unknown>>).find(
        (r) => r.userId === a.userId,
      );
    expect(await row()).toMatchObject({ callsAnswered: 1, aiQualifiedCalls: 1, personQualifiedCalls: 0, aiAcceptedCalls: 0, qualifiedCalls: 0 });
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}/ai/accept`).set(bearer(a.token)).expect(200);
    expect(await row()).toMatchObject({ aiQualifiedCalls: 1, personQualifiedCalls: 0, aiAcceptedCalls: 1, qualifiedCalls: 1, attributedRevenueCents: 500000 });
    // A person's own choice afterwards replaces the acceptance.
    const mine = await http().patch(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}`).set(bearer(a.token)).send({ leadStatus: 'qualified' }).expect(200);
    expect(mine.body.ai).toMatchObject({ acceptedAt: null, acceptedBy: null });
    expect(await row()).toMatchObject({ aiQualifiedCalls: 1, personQualifiedCalls: 1, aiAcceptedCalls: 0, qualifiedCalls: 1 });
    device.close();
    a.socket?.close();
  });

  it('should serve the recording only through the API, to members allowed to view call logs', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550203', 'Please call me back.');
    const log = await analysed(app(), ws, id);
    expect(JSON.stringify(log)).not.toContain(w.sandbox.url); // Twilio's media URL never reaches the browser
    const audio = await http().get(log.recordingUrl!).set(bearer(ws.ownerToken)).buffer(true).expect(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    const other = await aiWorkspace(app(), w.sandbox);
    await http().get(`/api/v1/workspaces/${other.workspaceId}/call-logs/${id}/recording`).set(bearer(other.ownerToken)).expect(404);
    await http().get(log.recordingUrl!).set(bearer(other.ownerToken)).expect(404);
    const member = await memberWithRole(app(), ws.workspaceId, 'member');
    await http().get(log.recordingUrl!).set(bearer(member.token)).expect(200);
    await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send({ permissions: { memberViewCallLogs: false } }).expect(200);
    await http().get(log.recordingUrl!).set(bearer(member.token)).expect(403);
  });

  it('should talk to whatever OpenAI-compatible endpoint the base URL names', async () => {
    const fake = await fakeOpenAi();
    try {
      const ws = await aiWorkspace(app(), w.sandbox, fake.url);
      const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550204', DANA);
      const log = await analysed(app(), ws, id);
      expect(log.ai).toMatchObject({
        status: 'done',
        transcript: 'Hello from the second endpoint.',
        summary: 'Answered by the second endpoint. Nothing else.',
        suggestedLeadStatus: 'contacted',
        estimatedDealValueCents: 4200,
        model: 'fake-model',
        sandbox: false,
        callerName: null,
      });
      expect(fake.seen.map((s) => s.path)).toEqual(['/openai/v1/audio/transcriptions', '/openai/v1/chat/completions']);
      expect(fake.seen.every((s) => s.authorization === `Bearer ${ws.openaiKey}`)).toBe(true);
      expect(await sandboxOpenAiRequests(w.sandbox, ws.openaiKey)).toEqual([]);
      const contact = await contactOf(ws, log.contact!.id);
      expect(contact.name).toBeNull();
    } finally {
      await fake.close();
    }
  });

  it('should not analyse when AI is off, and list the top keywords per campaign', async () => {
    const ws = await aiWorkspace(app(), w.sandbox);
    await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send({ ai: { enabled: false } }).expect(200);
    const off = await leaveVoicemail(app(), w.sandbox, ws, '+14155550205', DANA);
    await until(async () => (await http().get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${off}`).set(bearer(ws.ownerToken))).body.recordingUrl, 'recording', 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await http().get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${off}`).set(bearer(ws.ownerToken)).expect(200)).body.ai).toBeNull();

    const refused = await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${off}/ai/retry`).set(bearer(ws.ownerToken)).expect(422);
    expect(refused.body.message).toMatch(/AI analysis is off/);
    await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send({ ai: { enabled: true } }).expect(200);
    // A call recorded before AI was on is analysed on request.
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${off}/ai/retry`).set(bearer(ws.ownerToken)).expect(200);
    expect((await analysed(app(), ws, off)).ai).toMatchObject({ status: 'done', suggestedLeadStatus: 'qualified' });
    const id = await leaveVoicemail(app(), w.sandbox, ws, '+14155550206', DANA);
    await analysed(app(), ws, id);
    const keywords = await http().get(`/api/v1/workspaces/${ws.workspaceId}/reports/keywords`).set(bearer(ws.ownerToken)).expect(200);
    expect(keywords.body.items).toEqual([
      { campaign: { id: expect.any(String), name: 'Google Ads' }, analysedCalls: 2, keywords: expect.arrayContaining([{ keyword: 'quote', count: 2 }]) },
    ]);
  });
});
