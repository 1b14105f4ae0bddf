import twilio from 'twilio';
import { startSandbox, type Sandbox } from '../../server.js';
import { FakeApp } from '../../test-support/app-server.js';
import { accountWithNumber, control, eventually, twilioClient } from '../../test-support/control.js';
import { TestDevice } from '../../test-support/device-client.js';

describe('TwiML verbs', () => {
  let sandbox: Sandbox;
  let app: FakeApp;
  let number: string;
  let accountSid: string;
  let authToken: string;
  const caller = '+14155550201';
  const callView = (sid: string) => control<{ status: string; childCallSids: string[]; events: Array<{ type: string; code?: number }> }>(sandbox.url, 'GET', `/sandbox/calls/${sid}`);
  const placeCall = async () => (await control<{ callSid: string }>(sandbox.url, 'POST', '/sandbox/calls', { from: caller, to: number })).callSid;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    sandbox.reset();
    app = await new FakeApp().start();
    ({ accountSid, authToken, number } = await accountWithNumber(sandbox.url, `${app.url}/inbound`));
  });
  afterEach(async () => {
    await app.stop();
  });

  it('should gather digits and post them to the action', async () => {
    app.reply('/inbound', '<Response><Gather action="/menu" numDigits="2" timeout="100"><Say>Press two digits</Say></Gather></Response>');
    app.reply('/menu', '<Response><Hangup/></Response>');
    const callSid = await placeCall();
    await eventually(() => callView(callSid), (c) => c.status === 'in-progress');
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/digits`, { digits: '42' });
    const menu = await app.waitFor((h) => h.path === '/menu');
    expect(menu.params.Digits).toBe('42');
    await eventually(() => callView(callSid), (c) => c.status === 'completed');
  });

  it('should record a bridged call from answer with both sides in the transcript', async () => {
    await control(sandbox.url, 'PUT', '/sandbox/phones/+14155550202', { answer: 'answer', afterMs: 5 });
    app.reply('/inbound', '<Response><Dial record="record-from-answer-dual" action="/done" callerId="' + '+14155550203' + '"><Number>+14155550202</Number></Dial></Response>');
    // callerId is not a number of the account: Twilio refuses the Dial (13214).
    const refused = await placeCall();
    const failed = await app.waitFor((h) => h.path === '/done');
    expect(failed.params).toMatchObject({ CallSid: refused, DialCallStatus: 'failed' });
    app.received.length = 0;
    app.reply('/inbound', `<Response><Dial record="record-from-answer-dual" action="/done" callerId="${number}"><Number>+14155550202</Number></Dial></Response>`);
    const callSid = await placeCall();
    const view = await eventually(() => callView(callSid), (c) => c.childCallSids.length === 1 && c.status === 'in-progress');
    const child = view.childCallSids[0]!;
    await eventually(() => callView(child), (c) => c.status === 'in-progress');
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/say`, { text: 'I need a quote' });
    await control(sandbox.url, 'POST', `/sandbox/calls/${child}/say`, { text: 'Sure, five hundred dollars' });
    await control(sandbox.url, 'POST', `/sandbox/calls/${child}/hangup`);
    const done = await app.waitFor((h) => h.path === '/done');
    expect(done.params).toMatchObject({ DialCallStatus: 'completed', DialCallSid: child });
    expect(done.params.RecordingSid).toMatch(/^RE/);
    const rec = await control<{ transcript: string[]; callSid: string }>(sandbox.url, 'GET', `/sandbox/recordings/${done.params.RecordingSid}`);
    expect(rec).toMatchObject({ callSid, transcript: ['I need a quote', 'Sure, five hundred dollars'] });
  });

  const refusedCallerId = expect.arrayContaining([expect.objectContaining({ type: 'error', code: 13214 })]);

  it('should refuse a Dial whose callerId is not a number of the account with error 13214', async () => {
    app.reply('/inbound', '<Response><Dial action="/done" callerId="+14155550299"><Number>+14155550202</Number></Dial></Response>');
    const callSid = await placeCall();
    const done = await app.waitFor((h) => h.path === '/done');
    expect(done.params).toMatchObject({ CallSid: callSid, DialCallStatus: 'failed' });
    const view = await callView(callSid);
    expect(view.events).toEqual(refusedCallerId);
    expect(view.childCallSids).toEqual([]);
  });

  it('should refuse a browser leg dialling a number without a callerId with error 13214', async () => {
    const key = await control<{ sid: string; secret: string }>(sandbox.url, 'POST', `/sandbox/accounts/${accountSid}/keys`, { type: 'standard' });
    const appSid = (await twilioClient(sandbox.url, accountSid, authToken).applications.create({ friendlyName: 'Dialer', voiceUrl: `${app.url}/client` })).sid;
    const token = new twilio.jwt.AccessToken(accountSid, key.sid, key.secret, { identity: 'alice_1', ttl: 600 });
    token.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: appSid }));
    app.reply('/client', '<Response><Dial action="/done"><Number>+14155550202</Number></Dial></Response>');
    const device = await TestDevice.open(sandbox.url);
    try {
      device.send({ type: 'listen', token: token.toJwt() });
      await device.next('connected');
      device.send({ type: 'connect', id: 'TJ1', params: { To: '+14155550202' } });
      const { callSid } = await device.next('callCreated');
      const done = await app.waitFor((h) => h.path === '/done');
      expect(done.params).toMatchObject({ CallSid: callSid, From: 'client:alice_1', DialCallStatus: 'failed' });
      const view = await callView(callSid);
      expect(view.events).toEqual(refusedCallerId);
      expect(view.childCallSids).toEqual([]);
    } finally {
      device.close();
    }
  });

  it('should end a rejected call as busy without answering it', async () => {
    app.reply('/inbound', '<Response><Reject reason="busy"/></Response>');
    const callSid = await placeCall();
    const ended = await eventually(() => callView(callSid), (c) => c.status === 'busy');
    expect(ended.events.some((e) => e.type === 'rejected')).toBe(true);
  });

  it('should hang up with an application error when the webhook fails', async () => {
    app.reply('/inbound', 'this is not TwiML');
    const callSid = await placeCall();
    const ended = await eventually(() => callView(callSid), (c) => c.status === 'failed');
    expect(ended.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'error', code: 12100 })]));
  });

  it('should let the console answer a ringing pretend callee', async () => {
    await control(sandbox.url, 'PUT', '/sandbox/phones/+14155550204', { answer: 'no-answer' });
    app.reply('/inbound', '<Response><Dial action="/done" timeout="600"><Number>+14155550204</Number></Dial></Response>');
    const callSid = await placeCall();
    const view = await eventually(() => callView(callSid), (c) => c.childCallSids.length === 1);
    const child = view.childCallSids[0]!;
    await eventually(() => callView(child), (c) => c.status === 'ringing');
    await control(sandbox.url, 'POST', `/sandbox/calls/${child}/answer`, {});
    await eventually(() => callView(child), (c) => c.status === 'in-progress');
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/hangup`);
    const done = await app.waitFor((h) => h.path === '/done');
    expect(done.params).toMatchObject({ DialCallStatus: 'completed', CallStatus: 'completed' });
    expect((await callView(child)).status).toBe('completed');
  });
});
