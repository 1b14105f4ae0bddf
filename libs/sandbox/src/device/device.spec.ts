import twilio from 'twilio';
import { startSandbox, type Sandbox } from '../server.js';
import { FakeApp } from '../test-support/app-server.js';
import { control, eventually, twilioClient } from '../test-support/control.js';
import { TestDevice } from '../test-support/device-client.js';

describe('SandboxDevice protocol', () => {
  let sandbox: Sandbox;
  let app: FakeApp;
  let accountSid: string;
  let authToken: string;
  let key: { sid: string; secret: string };
  let appSid: string;
  let number: string;
  const devices: TestDevice[] = [];

  const tokenFor = (identity: string, opts: { ttl?: number; secret?: string; incoming?: boolean } = {}) => {
    const token = new twilio.jwt.AccessToken(accountSid, key.sid, opts.secret ?? key.secret, { identity, ttl: opts.ttl ?? 3600 });
    token.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: appSid, incomingAllow: opts.incoming ?? true }));
    return token.toJwt();
  };
  const openDevice = async (identity: string, register = true) => {
    const device = await TestDevice.open(sandbox.url);
    devices.push(device);
    device.send({ type: 'listen', token: tokenFor(identity) });
    await device.next('connected');
    if (register) {
      device.send({ type: 'register' });
      await device.next('registered');
    }
    return device;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    sandbox.reset();
    app = await new FakeApp().start();
    ({ accountSid, authToken } = await control(sandbox.url, 'POST', '/sandbox/accounts', {}));
    key = await control(sandbox.url, 'POST', `/sandbox/accounts/${accountSid}/keys`, { type: 'standard' });
    const client = twilioClient(sandbox.url, accountSid, authToken);
    appSid = (await client.applications.create({ friendlyName: 'Dialer', voiceUrl: `${app.url}/client`, statusCallback: `${app.url}/client-status` })).sid;
    const n = await control<{ sid: string; phoneNumber: string }>(sandbox.url, 'POST', `/sandbox/accounts/${accountSid}/numbers`, {});
    number = n.phoneNumber;
    await client.incomingPhoneNumbers(n.sid).update({ voiceUrl: `${app.url}/inbound` });
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) d.close();
    await app.stop();
  });

  it('should connect into the TwiML App with custom params and join a conference', async () => {
    app.reply('/client', '<Response><Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="true">room-1</Conference></Dial></Response>');
    const device = await openDevice('alice_1');
    device.send({ type: 'connect', id: 'TJ1', params: { To: '+14155550166', action: 'pickup', parked: 'CA123' } });
    const created = await device.next('callCreated');
    expect(created.id).toBe('TJ1');
    const hook = await app.waitFor((h) => h.path === '/client');
    expect(hook.params).toMatchObject({
      From: 'client:alice_1', Caller: 'client:alice_1', To: '+14155550166', Called: '', ApplicationSid: appSid,
      Direction: 'inbound', CallStatus: 'ringing', action: 'pickup', parked: 'CA123', AccountSid: accountSid, CallSid: created.callSid,
    });
    expect(twilio.validateRequest(authToken, hook.signature, hook.url, hook.params)).toBe(true);
    await device.next('accepted');
    const view = await eventually(() => control<{ conference?: { status: string } }>(sandbox.url, 'GET', `/sandbox/calls/${created.callSid}`), (c) => c.conference?.status === 'in-progress');
    expect(view.conference).toBeDefined();
    device.send({ type: 'hangup', callSid: created.callSid });
    expect((await device.next('disconnected')).status).toBe('completed');
    const status = await app.waitFor((h) => h.path === '/client-status');
    expect(status.params).toMatchObject({ CallSid: created.callSid, CallStatus: 'completed' });
  });

  it('should ring a registered identity on <Dial><Client> and bridge when it accepts', async () => {
    app.reply('/inbound', '<Response><Dial action="/dial-done" answerOnBridge="true"><Client><Identity>bob</Identity><Parameter name="campaign" value="Spring"/></Client></Dial></Response>');
    const device = await openDevice('bob');
    const { callSid } = await control<{ callSid: string }>(sandbox.url, 'POST', '/sandbox/calls', { from: '+14155550177', to: number });
    const incoming = await device.next('incoming');
    expect(incoming.parameters).toMatchObject({ From: '+14155550177', To: 'client:bob', AccountSid: accountSid });
    expect(incoming.customParameters).toEqual({ campaign: 'Spring' });
    device.send({ type: 'accept', callSid: incoming.callSid });
    await device.next('accepted');
    await eventually(() => control<{ status: string }>(sandbox.url, 'GET', `/sandbox/calls/${callSid}`), (c) => c.status === 'in-progress');
    device.send({ type: 'say', callSid: incoming.callSid, text: 'Ring Tonic, Bob speaking' });
    device.send({ type: 'hangup', callSid: incoming.callSid });
    const done = await app.waitFor((h) => h.path === '/dial-done');
    expect(done.params).toMatchObject({ DialCallStatus: 'completed', DialCallSid: incoming.callSid, DialBridged: 'true' });
  });

  it('should report busy when every device of the identity rejects', async () => {
    app.reply('/inbound', '<Response><Dial action="/dial-done"><Client>carol</Client></Dial></Response>');
    const first = await openDevice('carol');
    const second = await openDevice('carol');
    await control(sandbox.url, 'POST', '/sandbox/calls', { from: '+14155550188', to: number });
    const a = await first.next('incoming');
    await second.next('incoming');
    first.send({ type: 'reject', callSid: a.callSid });
    second.send({ type: 'reject', callSid: a.callSid });
    const done = await app.waitFor((h) => h.path === '/dial-done');
    expect(done.params.DialCallStatus).toBe('busy');
  });

  it('should cancel the other devices when one accepts', async () => {
    app.reply('/inbound', '<Response><Dial><Client>dan</Client></Dial></Response>');
    const first = await openDevice('dan');
    const second = await openDevice('dan');
    await control(sandbox.url, 'POST', '/sandbox/calls', { from: '+14155550199', to: number });
    const a = await first.next('incoming');
    await second.next('incoming');
    first.send({ type: 'accept', callSid: a.callSid });
    expect((await second.next('cancel')).callSid).toBe(a.callSid);
  });

  it('should refuse tokens signed with another secret or living longer than 24 hours', async () => {
    const device = await TestDevice.open(sandbox.url);
    devices.push(device);
    device.send({ type: 'listen', token: tokenFor('eve', { secret: 'f'.repeat(32) }) });
    expect((await device.next('error')).error.code).toBe(20101);
    device.send({ type: 'listen', token: tokenFor('eve', { ttl: 25 * 3600 }) });
    expect((await device.next('error')).error.code).toBe(31207);
    device.send({ type: 'listen', token: tokenFor('eve', { incoming: false }) });
    await device.next('connected');
    device.send({ type: 'register' });
    expect((await device.next('error')).error.code).toBe(31201);
  });
});
