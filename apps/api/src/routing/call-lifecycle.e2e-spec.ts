import request from 'supertest';
import { DataSource } from 'typeorm';
import { expectedTwilioSignature } from '../telephony/twilio-signature.js';
import { voiceIdentity } from '../tokens/tokens.service.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { agent, readyWorkspace, routingWorld, type RoutingWorld } from '../../test/factories/routing.factory.js';

describe('call log lifecycle from Twilio callbacks (e2e)', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await routingWorld(1);
  });
  afterAll(async () => w.close());

  it('should never move a call backwards when callbacks arrive late or out of order', async () => {
    const ws = await readyWorkspace(w.apps[0]!.app, w.sandbox);
    const a = await agent(w.apps[0]!.app, w.urls[0]!, ws.workspaceId, 'agent');
    const creds = await w.apps[0]!.app.get(WorkspaceService).twilioCredentials(ws.workspaceId);
    const parent = 'CA' + '7'.repeat(32);
    const child = 'CA' + '8'.repeat(32);
    const post = (path: string, params: Record<string, string>) => {
      const url = `${w.urls[0]}/webhooks/twilio/voice/${path}`;
      const body = { AccountSid: ws.account.accountSid, ApiVersion: '2010-04-01', ...params };
      return request(w.apps[0]!.app.getHttpServer())
        .post(`/webhooks/twilio/voice/${path}`)
        .set('X-Twilio-Signature', expectedTwilioSignature(ws.account.authToken, url, body))
        .type('form')
        .send(body)
        .expect(200);
    };
    const log = async () => (await w.apps[0]!.app.get(DataSource).query(`SELECT status, duration_seconds, answered_at FROM call_logs WHERE twilio_call_sid = $1`, [parent]))[0];

    const twiml = await post('client', { CallSid: parent, ApplicationSid: creds.twimlAppSid!, From: `client:${voiceIdentity(a.userId)}`, To: '+12125550188', CallerId: ws.trackingNumber, CallStatus: 'ringing', Direction: 'inbound' });
    expect(twiml.text).toContain('<Dial callerId="' + ws.trackingNumber + '" answerOnBridge="true">');
    expect(twiml.text).toContain('<Number statusCallback=');
    expect(twiml.text).toContain('+12125550188</Number>');
    expect((await log()).status).toBe('ringing');

    await post('status', { CallSid: child, ParentCallSid: parent, CallStatus: 'in-progress', SequenceNumber: '2' });
    expect((await log()).status).toBe('in_progress');
    await post('status', { CallSid: parent, CallStatus: 'completed', SequenceNumber: '3', CallDuration: '42' });
    expect(await log()).toMatchObject({ status: 'completed', duration_seconds: 42 });

    // Late arrivals change nothing.
    await post('status', { CallSid: child, ParentCallSid: parent, CallStatus: 'in-progress', SequenceNumber: '1' });
    await post('status', { CallSid: parent, CallStatus: 'busy', SequenceNumber: '1' });
    await post('status', { CallSid: parent, CallStatus: 'completed', SequenceNumber: '3', CallDuration: '99' });
    expect(await log()).toMatchObject({ status: 'completed', duration_seconds: 42 });
    a.socket?.close();
  });
});
