import type { CallRingingEvent } from '@ringtonic/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { expectedTwilioSignature } from '../telephony/twilio-signature.js';
import { agent, readyWorkspace, routingWorld, type RoutingWorld, sandboxCall, sandboxDevice, sandboxPost, until } from '../../test/factories/routing.factory.js';
import { connectRealtime, nextEvent } from '../../test/factories/sockets.factory.js';
import { bearer } from '../../test/factories/users.factory.js';

const CALLER = '+14155550123';

describe('inbound routing: ring everyone, first answer wins (e2e)', () => {
  let w: RoutingWorld;
  const http = (i = 0) => request(w.apps[i]!.app.getHttpServer());

  beforeAll(async () => {
    // 60 ms per TwiML second: a voicemail's <Record> waits 300 ms of silence for the caller's line.
    w = await routingWorld(2, {}, 60);
  });
  afterAll(async () => w.close());

  it('should ring exactly the online agents with caller, tracking number and campaign', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const online = await Promise.all([0, 1, 2].map((i) => agent(w.apps[0]!.app, w.urls[i % 2]!, ws.workspaceId, 'agent')));
    const others = [
      await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent', 'away'),
      await agent(w.apps[0]!.app, w.urls[1]!, ws.workspaceId, 'agent', 'dnd'),
      await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent', 'offline'),
      await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'manager'),
    ];
    const notRung: string[] = [];
    for (const o of others) o.socket?.on('call.ringing', () => notRung.push(o.userId));
    const rings = online.map((a) => nextEvent(a.socket!, 'call.ringing'));

    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: CALLER, to: ws.trackingNumber });
    const events = await Promise.all(rings);
    for (const e of events) {
      expect(e).toMatchObject({ from: CALLER, fromFormatted: '(415) 555-0123', trackingNumber: ws.trackingNumber, campaign: 'Google Ads' });
    }
    expect(new Set(events.map((e) => e.callId)).size).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(notRung).toEqual([]);

    // The caller waits, parked in the call's own conference.
    const parked = await until(async () => {
      const c = await sandboxCall(w.sandbox, callSid);
      return c.conference?.friendlyName === `call-${events[0]!.callId}` ? c : null;
    }, 'caller parked');
    expect(parked.status).toBe('in-progress');
    for (const a of [...online, ...others]) a.socket?.close();
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/hangup`);
  });

  it('should give the call to exactly one of ten concurrent answers across two instances, and bridge only the winner', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const agents = await Promise.all(Array.from({ length: 10 }, (_, i) => agent(w.apps[0]!.app, w.urls[i % 2]!, ws.workspaceId, 'agent')));
    const rings = agents.map((a) => nextEvent(a.socket!, 'call.ringing'));
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: CALLER, to: ws.trackingNumber });
    const callId = (await rings[0]!).callId;
    await Promise.all(rings);
    const claimed = agents.map((a) => nextEvent(a.socket!, 'call.claimed'));

    const answers = await Promise.all(
      agents.map((a, i) => http(i % 2).post(`/api/v1/workspaces/${ws.workspaceId}/calls/${callId}/answer`).set(bearer(a.token))),
    );
    const winners = answers.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(9);
    const winner = agents[answers.indexOf(winners[0]!)]!;
    for (const r of answers.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ code: 'ALREADY_ANSWERED', answeredBy: { userId: winner.userId } });
    }
    for (const c of await Promise.all(claimed)) expect(c).toMatchObject({ callId, answeredBy: { userId: winner.userId } });

    // Only the winner's identity may join: a loser's device is turned away.
    const loser = agents.find((a) => a !== winner)!;
    const loserToken = (await http().post(`/api/v1/workspaces/${ws.workspaceId}/dialer/token`).set(bearer(loser.token)).expect(200)).body.token;
    const loserDevice = await sandboxDevice(w.sandbox, loserToken);
    const loserLeg = await loserDevice.connect({ answerCallId: callId });
    await until(async () => (await sandboxCall(w.sandbox, loserLeg)).status === 'completed', 'loser leg hung up');
    expect((await sandboxCall(w.sandbox, loserLeg)).conference).toBeFalsy();

    const winnerToken = (await http().post(`/api/v1/workspaces/${ws.workspaceId}/dialer/token`).set(bearer(winner.token)).expect(200)).body.token;
    const device = await sandboxDevice(w.sandbox, winnerToken);
    const agentLeg = await device.connect({ answerCallId: callId });
    const bridged = await until(async () => {
      const c = await sandboxCall(w.sandbox, callSid);
      const legs = (c.participants ?? []).map((p) => p.callSid);
      return c.conference?.status === 'in-progress' && legs.includes(agentLeg) && legs.includes(callSid) ? c : null;
    }, 'caller and agent bridged');
    expect(bridged.participants).toHaveLength(2);

    const log = await http().get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}`).set(bearer(winner.token)).expect(200);
    expect(log.body).toMatchObject({ status: 'in_progress', direction: 'inbound' });
    const presence = await http().get(`/api/v1/workspaces/${ws.workspaceId}/presence`).set(bearer(winner.token)).expect(200);
    expect(presence.body.find((p: { userId: string }) => p.userId === winner.userId).status).toBe('in_call');

    // The caller hangs up: the call completes and the agent is free again.
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/hangup`);
    await until(async () => {
      const l = await http().get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}`).set(bearer(winner.token));
      return l.body.status === 'completed';
    }, 'log completed');
    await until(async () => {
      const p = await http().get(`/api/v1/workspaces/${ws.workspaceId}/presence`).set(bearer(winner.token));
      return p.body.find((x: { userId: string }) => x.userId === winner.userId).status === 'online';
    }, 'agent back online');
    device.close();
    loserDevice.close();
    for (const a of agents) a.socket?.close();
  });

  it('should show a ringing call to a socket that connects late, and end it when the caller hangs up', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const a = await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent');
    const ring = nextEvent(a.socket!, 'call.ringing');
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: CALLER, to: ws.trackingNumber });
    const { callId } = await ring;

    // A refreshed tab: new socket, asks what is ringing.
    const tab = await connectRealtime(w.urls[1]!, a.token, ws.workspaceId);
    const ringing = await http(1).get(`/api/v1/workspaces/${ws.workspaceId}/calls/ringing`).set(bearer(a.token)).expect(200);
    expect(ringing.body.map((c: CallRingingEvent) => c.callId)).toEqual([callId]);

    const ended = nextEvent(tab, 'call.ended');
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/hangup`);
    expect(await ended).toEqual({ callId, reason: 'caller_hung_up' });
    await until(async () => (await http().get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}`).set(bearer(a.token))).body.status === 'missed', 'log missed');
    tab.close();
    a.socket?.close();
  });

  it('should send the caller to voicemail when everyone rejects, keeping the message on the log', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const agents = await Promise.all([0, 1].map(() => agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent')));
    const ring = nextEvent(agents[0]!.socket!, 'call.ringing');
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: CALLER, to: ws.trackingNumber });
    const { callId } = await ring;
    // Each rejecting agent hears `declined` for itself; the last one ends the call for all.
    const ended = nextEvent(agents[1]!.socket!, 'call.ended');
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/calls/${callId}/reject`).set(bearer(agents[0]!.token)).expect(204);
    await http().post(`/api/v1/workspaces/${ws.workspaceId}/calls/${callId}/reject`).set(bearer(agents[1]!.token)).expect(204);
    expect(await ended).toMatchObject({ callId, reason: 'declined' });
    await until(async () => (await sandboxCall(w.sandbox, callSid)).events.some((e) => e.type === 'verb' && e.verb === 'Record'), 'recording started');
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/say`, { text: 'Hi, please call me back about the quote.' });
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/hangup`);
    const log = await until(async () => {
      const l = await http().get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}`).set(bearer(agents[0]!.token));
      return l.body.status === 'voicemail' && l.body.recordingUrl ? l.body : null;
    }, 'voicemail on the log');
    expect(log.recordingUrl).toBe(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}/recording`);
    const audio = await http().get(log.recordingUrl).set(bearer(agents[0]!.token)).buffer(true).expect(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    expect(audio.body.subarray(0, 4).toString('ascii')).toBe('RIFF');
    for (const a of agents) a.socket?.close();
  });

  it('should go to voicemail after the ring timeout with call.ended timeout', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox, { ringTimeoutSeconds: 5 });
    const a = await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent');
    const ring = nextEvent(a.socket!, 'call.ringing');
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: CALLER, to: ws.trackingNumber });
    const { callId } = await ring;
    expect(await nextEvent(a.socket!, 'call.ended', undefined, 9000)).toEqual({ callId, reason: 'timeout' });
    await until(async () => (await sandboxCall(w.sandbox, callSid)).events.some((e) => e.type === 'verb' && e.verb === 'Record'), 'voicemail greeting');
    const l = await http().get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${callId}`).set(bearer(a.token)).expect(200);
    expect(l.body.status).toBe('missed');
    // Nothing said: the sandbox's empty recording ends the call after the goodbye.
    await until(async () => (await sandboxCall(w.sandbox, callSid)).status === 'completed', 'caller done');
    a.socket?.close();
  });

  it('should go straight to voicemail when nobody is online', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: CALLER, to: ws.trackingNumber });
    await until(async () => (await sandboxCall(w.sandbox, callSid)).events.some((e) => e.type === 'verb' && e.verb === 'Record'), 'voicemail');
    const [log] = await w.apps[0]!.app.get(DataSource).query(`SELECT status FROM call_logs WHERE twilio_call_sid = $1`, [callSid]);
    expect(log.status).toBe('missed');
  });

  it('should ring first and ring again with the CNAM caller name when the lookup finds one', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const a = await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent');
    const first = nextEvent(a.socket!, 'call.ringing');
    const named = nextEvent(a.socket!, 'call.ringing', (e) => e.callerName !== null);
    const { callSid } = await sandboxPost<{ callSid: string }>(w.sandbox, '/sandbox/calls', { from: '+14155550127', to: ws.trackingNumber });
    expect((await first).callerName).toBeNull();
    const withName = await named;
    expect(withName.callerName).toEqual(expect.any(String));
    const ringing = await http().get(`/api/v1/workspaces/${ws.workspaceId}/calls/ringing`).set(bearer(a.token)).expect(200);
    expect(ringing.body[0].callerName).toBe(withName.callerName);
    await sandboxPost(w.sandbox, `/sandbox/calls/${callSid}/hangup`);
    a.socket?.close();
  });

  it('should keep one call log and one contact when Twilio posts the same inbound webhook five times', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const params = { AccountSid: ws.account.accountSid, CallSid: 'CA' + 'ab12'.repeat(8), From: '+14155550177', To: ws.trackingNumber, CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01' };
    const url = `${w.urls[0]}/webhooks/twilio/voice/inbound`;
    const signature = expectedTwilioSignature(ws.account.authToken, url, params);
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => http().post('/webhooks/twilio/voice/inbound').set('X-Twilio-Signature', signature).type('form').send(params)),
    );
    for (const r of replies) expect(r.status).toBe(200);
    const db = w.apps[0]!.app.get(DataSource);
    expect(await db.query(`SELECT count(*)::int AS n FROM call_logs WHERE twilio_call_sid = $1`, [params.CallSid])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1 AND phone_e164 = $2`, [ws.workspaceId, params.From])).toEqual([{ n: 1 }]);
  });
});
