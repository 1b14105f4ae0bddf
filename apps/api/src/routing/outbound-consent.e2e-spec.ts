import request from 'supertest';
import { DataSource } from 'typeorm';
import { expectedTwilioSignature } from '../telephony/twilio-signature.js';
import { voiceIdentity } from '../tokens/tokens.service.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { agent, readyWorkspace, type ReadyWorkspace, routingWorld, type RoutingWorld, sandboxCall, sandboxDevice, sandboxPost, until } from '../../test/factories/routing.factory.js';
import { bearer } from '../../test/factories/users.factory.js';

const CONSENT = 'This call is recorded for quality and training.';

/** Recorded outbound calls: the callee hears the consent announcement (a <Number url> whisper) before the bridge. */
describe('outbound calls: consent announcement to the callee (e2e)', () => {
  let w: RoutingWorld;
  const app = () => w.apps[0]!.app;
  const http = () => request(app().getHttpServer());
  const publicUrl = () => w.urls[0]!;
  const said = (events: Array<{ type: string; [k: string]: unknown }>) => events.filter((e) => e.type === 'verb' && e.verb === 'Say').map((e) => e.text);

  beforeAll(async () => {
    w = await routingWorld(1);
  });
  afterAll(async () => w.close());

  async function workspace(settings: { recordCalls: boolean; recordingAnnouncement: string | null }): Promise<ReadyWorkspace> {
    const ws = await readyWorkspace(app(), w.sandbox);
    await http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send(settings).expect(200);
    return ws;
  }

  /** The agent's browser dials `to`; resolves once the callee is bridged, with both legs' sids. */
  async function placeCall(ws: ReadyWorkspace, to: string) {
    const a = await agent(app(), publicUrl(), ws.workspaceId, 'agent');
    const voice = (await http().post(`/api/v1/workspaces/${ws.workspaceId}/dialer/token`).set(bearer(a.token)).expect(200)).body.token as string;
    const device = await sandboxDevice(w.sandbox, voice);
    const leg = await device.connect({ To: to, CallerId: ws.trackingNumber });
    const bridged = await until(async () => {
      const c = await sandboxCall(w.sandbox, leg);
      return c.events.find((e) => e.type === 'bridged');
    }, 'callee answered and bridged');
    return { a, device, leg, callee: String(bridged.callSid) };
  }

  /** A correctly signed Twilio request to one of our voice webhooks, as the workspace's account. */
  function signed(ws: ReadyWorkspace, path: string, params: Record<string, string>) {
    const body = { AccountSid: ws.account.accountSid, ...params };
    return http().post(path).set('X-Twilio-Signature', expectedTwilioSignature(ws.account.authToken, `${publicUrl()}${path}`, body)).type('form').send(body);
  }

  /** The TwiML our App voice URL answers for an agent's outbound call (a fresh CallSid each time). */
  async function outboundTwiml(ws: ReadyWorkspace, userId: string, to: string): Promise<string> {
    const { twimlAppSid } = await app().get(WorkspaceService).twilioCredentials(ws.workspaceId);
    const CallSid = `CA${Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32)}`;
    const res = await signed(ws, '/webhooks/twilio/voice/client', { CallSid, ApplicationSid: twimlAppSid!, From: `client:${voiceIdentity(userId)}`, To: to, CallerId: ws.trackingNumber, Direction: 'inbound', CallStatus: 'ringing' }).expect(200);
    return res.text;
  }

  it('should have the callee hear the announcement before the bridge, and record the call', async () => {
    const ws = await workspace({ recordCalls: true, recordingAnnouncement: CONSENT });
    const { a, device, leg, callee } = await placeCall(ws, '+12125550160');

    const calleeLeg = await sandboxCall(w.sandbox, callee);
    expect(said(calleeLeg.events)).toEqual([CONSENT]);
    expect(said((await sandboxCall(w.sandbox, leg)).events)).toEqual([]); // the agent does not hear it
    const whisper = calleeLeg.events.find((e) => e.type === 'webhook' && e.purpose === 'whisper');
    expect(whisper).toMatchObject({ status: 200, url: `${publicUrl()}/webhooks/twilio/voice/whisper?workspaceId=${ws.workspaceId}` });

    await sandboxPost(w.sandbox, `/sandbox/calls/${callee}/say`, { text: 'Hello, who is this?' });
    device.hangup(leg);
    const [{ id }] = await app().get(DataSource).query(`SELECT id FROM call_logs WHERE twilio_call_sid = $1`, [leg]);
    const log = await until(async () => {
      const res = await http().get(`/api/v1/workspaces/${ws.workspaceId}/call-logs/${id}`).set(bearer(ws.ownerToken)).expect(200);
      return res.body.recordingUrl ? res.body : null;
    }, 'recording on the call log');
    expect(log).toMatchObject({ direction: 'outbound', status: 'completed', recordingUrl: `/api/v1/workspaces/${ws.workspaceId}/call-logs/${id}/recording` });

    // The Dial names the workspace in the whisper URL, never the announcement itself.
    const twiml = await outboundTwiml(ws, a.userId, '+12125550161');
    expect(twiml).toContain(`<Number url="${publicUrl()}/webhooks/twilio/voice/whisper?workspaceId=${ws.workspaceId}" method="POST"`);
    expect(twiml).not.toContain('recorded for quality');
    device.close();
    a.socket?.close();
  });

  it('should connect the callee without any announcement when calls are not recorded', async () => {
    const ws = await workspace({ recordCalls: false, recordingAnnouncement: CONSENT });
    const { a, device, leg, callee } = await placeCall(ws, '+12125550170');
    const calleeLeg = await sandboxCall(w.sandbox, callee);
    expect(said(calleeLeg.events)).toEqual([]);
    expect(calleeLeg.events.some((e) => e.type === 'whisper' || (e.type === 'webhook' && e.purpose === 'whisper'))).toBe(false);
    const twiml = await outboundTwiml(ws, a.userId, '+12125550171');
    expect(twiml).toContain('<Number statusCallback=');
    expect(twiml).not.toContain('url=');
    expect(twiml).not.toContain('whisper');
    device.hangup(leg);
    device.close();
    a.socket?.close();
  });

  it('should not ask for a whisper when a recording workspace has no announcement', async () => {
    const ws = await workspace({ recordCalls: true, recordingAnnouncement: null });
    const a = await agent(app(), publicUrl(), ws.workspaceId, 'agent');
    const twiml = await outboundTwiml(ws, a.userId, '+12125550180');
    expect(twiml).toContain('record="record-from-answer"');
    expect(twiml).not.toContain('whisper');
    a.socket?.close();
  });

  it('should answer the whisper with the announcement as it is now, and an empty document otherwise', async () => {
    const ws = await workspace({ recordCalls: true, recordingAnnouncement: CONSENT });
    const other = await workspace({ recordCalls: true, recordingAnnouncement: 'Another workspace speaking.' });
    const child = { CallSid: 'CA' + 'b'.repeat(32), ParentCallSid: 'CA' + 'c'.repeat(32), From: ws.trackingNumber, To: '+12125550190', Direction: 'outbound-dial', CallStatus: 'in-progress' };
    const whisper = (workspaceId: string, as = ws) => signed(as, `/webhooks/twilio/voice/whisper?workspaceId=${encodeURIComponent(workspaceId)}`, child).expect(200).expect('Content-Type', /xml/);
    const EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
    const spoken = (text: string) => `<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna">${text}</Say></Response>`;

    // Twilio may retry: the same answer each time.
    expect((await whisper(ws.workspaceId)).text).toBe(spoken(CONSENT));
    expect((await whisper(ws.workspaceId)).text).toBe(spoken(CONSENT));
    // Another account cannot read a workspace's announcement by naming it: refused by the signature guard.
    const foreign = await signed(ws, `/webhooks/twilio/voice/whisper?workspaceId=${other.workspaceId}`, child).expect(403);
    expect(foreign.text).not.toContain('Another workspace speaking.');
    // Unknown or malformed workspace ids: an empty document, never a server error.
    expect((await whisper('00000000-0000-4000-8000-000000000000')).text).toBe(EMPTY);
    expect((await whisper('not-a-uuid')).text).toBe(EMPTY);

    // Read when the callee answers: a changed announcement is what they hear; recording off → nothing.
    const patch = (body: object) => http().patch(`/api/v1/workspaces/${ws.workspaceId}`).set(bearer(ws.ownerToken)).send(body).expect(200);
    await patch({ recordingAnnouncement: 'Calls are recorded & kept for 30 days.' });
    expect((await whisper(ws.workspaceId)).text).toBe(spoken('Calls are recorded &amp; kept for 30 days.'));
    await patch({ recordCalls: false });
    expect((await whisper(ws.workspaceId)).text).toBe(EMPTY);
  });
});
