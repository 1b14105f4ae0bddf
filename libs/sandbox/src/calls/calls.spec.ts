import twilio from 'twilio';
import { startSandbox, type Sandbox } from '../server.js';
import { FakeApp, type ReceivedWebhook } from '../test-support/app-server.js';
import { accountWithNumber, control, eventually, twilioClient } from '../test-support/control.js';

interface CallView {
  status: string;
  direction: string;
  conference?: { sid: string; status: string };
  participants?: unknown[];
  recordingSid: string | null;
  childCallSids: string[];
  events: Array<{ type: string }>;
}

describe('calls engine', () => {
  let sandbox: Sandbox;
  let app: FakeApp;
  let accountSid: string;
  let authToken: string;
  let number: string;
  const caller = '+14155550111';

  const callView = (sid: string) => control<CallView>(sandbox.url, 'GET', `/sandbox/calls/${sid}`);
  const placeCall = async () => (await control<{ callSid: string }>(sandbox.url, 'POST', '/sandbox/calls', { from: caller, to: number })).callSid;
  const expectSigned = (hooks: ReceivedWebhook[]) => {
    expect(hooks.length).toBeGreaterThan(0);
    for (const h of hooks) expect(twilio.validateRequest(authToken, h.signature, h.url, h.params)).toBe(true);
  };
  const seq = (hooks: ReceivedWebhook[]) => hooks.map((h) => Number(h.params.SequenceNumber));

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, secondMs: 10 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  beforeEach(async () => {
    sandbox.reset();
    app = await new FakeApp().start();
    ({ accountSid, authToken, number } = await accountWithNumber(sandbox.url, `${app.url}/inbound`, `${app.url}/status`));
  });
  afterEach(async () => {
    await app.stop();
  });

  it('should post a signed inbound webhook with the standard parameters and complete on hangup', async () => {
    app.reply('/inbound', '<Response><Say>Hello</Say><Pause length="600"/></Response>');
    const callSid = await placeCall();
    const inbound = await app.waitFor((h) => h.path === '/inbound');
    expect(inbound.params).toMatchObject({
      CallSid: callSid, AccountSid: accountSid, From: caller, To: number, Caller: caller, Called: number,
      CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01',
    });
    await eventually(() => callView(callSid), (c) => c.status === 'in-progress');
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/hangup`);
    const status = await app.waitFor((h) => h.path === '/status');
    expect(status.params).toMatchObject({ CallSid: callSid, CallStatus: 'completed', CallbackSource: 'call-progress-events', SequenceNumber: '0' });
    expect(Number(status.params.CallDuration)).toBeGreaterThanOrEqual(1);
    expectSigned(app.received);
  });

  it('should park the caller in a conference and report conference events in SequenceNumber order', async () => {
    app.reply('/inbound', (h) =>
      `<Response><Dial action="/park-ended"><Conference startConferenceOnEnter="false" endConferenceOnExit="true" beep="false" waitUrl="/hold" statusCallback="/conf-events" statusCallbackEvent="start end join leave">park-${h.params.CallSid}</Conference></Dial></Response>`);
    const callSid = await placeCall();
    const parked = await eventually(() => callView(callSid), (c) => c.conference !== undefined);
    expect(parked.conference!.status).toBe('init');
    const client = twilioClient(sandbox.url, accountSid, authToken);
    const agent = await client.conferences(`park-${callSid}`).participants.create({ from: number, to: '+14155550122', startConferenceOnEnter: true, endConferenceOnExit: true });
    expect(agent.callSid).toMatch(/^CA/);
    await eventually(() => callView(callSid), (c) => c.conference!.status === 'in-progress');
    const participants = await client.conferences(parked.conference!.sid).participants.list();
    expect(participants.map((p) => p.callSid).sort()).toEqual([callSid, agent.callSid].sort());
    await client.conferences(parked.conference!.sid).participants(agent.callSid).update({ hold: true });
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/hangup`);
    await app.waitFor((h) => h.path === '/conf-events' && h.params.StatusCallbackEvent === 'conference-end');
    await app.waitFor((h) => h.path === '/park-ended');
    const events = app.hooks('/conf-events');
    expect(events.map((h) => [h.params.StatusCallbackEvent, h.params.CallSid ?? null])).toEqual([
      ['participant-join', callSid],
      ['participant-join', agent.callSid],
      ['conference-start', null],
      ['participant-leave', callSid],
      ['participant-leave', agent.callSid],
      ['conference-end', null],
    ]);
    expect(seq(events)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(events[5]!.params).toMatchObject({ ReasonConferenceEnded: 'participant-with-end-conference-on-exit-left', CallSidEndingConference: callSid });
    const agentCall = await eventually(() => client.calls(agent.callSid).fetch(), (c) => c.status === 'completed');
    expect(agentCall.direction).toBe('outbound-api');
    expectSigned(app.received);
  });

  it('should fetch a conference, mute and hold a participant, and end the conference through the REST API', async () => {
    app.reply('/inbound', (h) =>
      `<Response><Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="false" statusCallback="/conf-events" statusCallbackEvent="start end">room-${h.params.CallSid}</Conference></Dial></Response>`);
    const callSid = await placeCall();
    const client = twilioClient(sandbox.url, accountSid, authToken);
    const { conference } = await eventually(() => callView(callSid), (c) => c.conference?.status === 'in-progress');
    const fetched = await client.conferences(conference!.sid).fetch();
    expect(fetched).toMatchObject({ sid: conference!.sid, friendlyName: `room-${callSid}`, status: 'in-progress', accountSid });

    const conf = client.conferences(conference!.sid).participants(callSid);
    expect(await conf.update({ muted: true })).toMatchObject({ callSid, muted: true, hold: false });
    expect(await conf.update({ hold: true })).toMatchObject({ callSid, muted: true, hold: true });
    expect(await conf.fetch()).toMatchObject({ muted: true, hold: true });
    expect(await conf.update({ hold: false, muted: false })).toMatchObject({ muted: false, hold: false });

    const ended = await client.conferences(conference!.sid).update({ status: 'completed' });
    expect(ended.status).toBe('completed');
    const end = await app.waitFor((h) => h.path === '/conf-events' && h.params.StatusCallbackEvent === 'conference-end');
    expect(end.params).toMatchObject({ ConferenceSid: conference!.sid, ReasonConferenceEnded: 'conference-ended-via-API' });
    expect((await client.conferences(conference!.sid).fetch()).status).toBe('completed');
    expectSigned(app.received);
  });

  it('should bridge a dialled number that answers and post the Dial action and number callbacks', async () => {
    await control(sandbox.url, 'PUT', '/sandbox/phones/+14155550133', { answer: 'answer', afterMs: 20, hangupAfterMs: 60 });
    app.reply('/inbound', `<Response><Dial action="/dial-done" timeout="20"><Number statusCallback="/leg-status" statusCallbackEvent="initiated ringing answered completed">+14155550133</Number></Dial></Response>`);
    app.reply('/dial-done', '<Response><Say>Bye</Say></Response>');
    const callSid = await placeCall();
    const done = await app.waitFor((h) => h.path === '/dial-done');
    expect(done.params).toMatchObject({ CallSid: callSid, DialCallStatus: 'completed', DialBridged: 'true' });
    expect(done.params.DialCallSid).toMatch(/^CA/);
    expect(Number(done.params.DialCallDuration)).toBeGreaterThanOrEqual(1);
    await app.waitFor((h) => h.path === '/leg-status' && h.params.CallStatus === 'completed');
    const leg = app.hooks('/leg-status');
    expect(leg.map((h) => h.params.CallStatus)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(seq(leg)).toEqual([0, 1, 2, 3]);
    expect(leg[0]!.params).toMatchObject({ ParentCallSid: callSid, Direction: 'outbound-dial', To: '+14155550133' });
    await app.waitFor((h) => h.path === '/status' && h.params.CallSid === callSid);
    expectSigned(app.received);
  });

  it('should report a busy dialled number and continue with the next verb when there is no action', async () => {
    await control(sandbox.url, 'PUT', '/sandbox/phones/+14155550144', { answer: 'busy', afterMs: 10 });
    app.reply('/inbound', '<Response><Dial><Number>+14155550144</Number></Dial><Redirect>/after</Redirect></Response>');
    app.reply('/after', '<Response><Hangup/></Response>');
    const callSid = await placeCall();
    await app.waitFor((h) => h.path === '/after');
    const view = await eventually(() => callView(callSid), (c) => c.status === 'completed');
    const child = await callView(view.childCallSids[0]!);
    expect(child.status).toBe('busy');
    expect(view.events.some((e) => e.type === 'dial-ended')).toBe(true);
  });

  it('should record a message, post the recording callback and action, and serve the media', async () => {
    app.reply('/inbound', '<Response><Say>Leave a message</Say><Record action="/recorded" finishOnKey="#" recordingStatusCallback="/recording-status" timeout="50"/></Response>');
    app.reply('/recorded', '<Response><Hangup/></Response>');
    const callSid = await placeCall();
    await eventually(() => callView(callSid), (c) => c.events.some((e) => e.type === 'verb' && (e as { verb?: string }).verb === 'Record'));
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/say`, { text: 'Hi, please call me back about the quote.' });
    await new Promise((r) => setTimeout(r, 30));
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/digits`, { digits: '#' });
    const action = await app.waitFor((h) => h.path === '/recorded');
    expect(action.params).toMatchObject({ Digits: '#', CallSid: callSid });
    const status = await app.waitFor((h) => h.path === '/recording-status');
    expect(status.params).toMatchObject({ RecordingStatus: 'completed', RecordingSid: action.params.RecordingSid, RecordingSource: 'RecordVerb', CallSid: callSid });
    const auth = { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` };
    const wav = await fetch(`${action.params.RecordingUrl}.wav`, { headers: auth });
    expect(wav.headers.get('content-type')).toBe('audio/x-wav');
    const bytes = Buffer.from(await wav.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(bytes.readUInt32LE(40)).toBe(Number(action.params.RecordingDuration) * 8000 * 2);
    expect((await fetch(`${action.params.RecordingUrl}.wav`)).status).toBe(401);
    const mp3 = await fetch(`${action.params.RecordingUrl}.mp3`, { headers: auth });
    expect(mp3.status).toBe(200);
    expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
    expect((await mp3.arrayBuffer()).byteLength).toBeGreaterThan(44);
    expect((await fetch(`${action.params.RecordingUrl}.mp3`)).status).toBe(401);
    const client = twilioClient(sandbox.url, accountSid, authToken);
    const rec = await client.recordings(action.params.RecordingSid!).fetch();
    expect(rec).toMatchObject({ callSid, duration: action.params.RecordingDuration, status: 'completed' });
    const transcript = await control<{ transcript: string[] }>(sandbox.url, 'GET', `/sandbox/recordings/${rec.sid}`);
    expect(transcript.transcript).toEqual(['Hi, please call me back about the quote.']);
    expectSigned(app.received);
  });

  it('should ring a pretend phone for a REST-created call and run its TwiML once answered', async () => {
    await control(sandbox.url, 'PUT', '/sandbox/phones/+14155550155', { answer: 'answer', afterMs: 5 });
    app.reply('/outbound', '<Response><Say>Your appointment is tomorrow</Say></Response>');
    const client = twilioClient(sandbox.url, accountSid, authToken);
    const created = await client.calls.create({
      to: '+14155550155', from: number, url: `${app.url}/outbound`,
      statusCallback: `${app.url}/out-status`, statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    expect(created.direction).toBe('outbound-api');
    const hook = await app.waitFor((h) => h.path === '/outbound');
    expect(hook.params).toMatchObject({ CallSid: created.sid, Direction: 'outbound-api', CallStatus: 'in-progress' });
    await app.waitFor((h) => h.path === '/out-status' && h.params.CallStatus === 'completed');
    expect(app.hooks('/out-status').map((h) => h.params.CallStatus)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    await expect(client.calls.create({ to: '+14155550155', from: '+19995550000', url: `${app.url}/outbound` })).rejects.toMatchObject({ code: 21210 });
  });

  it('should redirect a live call with Twiml and end one with Status=completed', async () => {
    app.reply('/inbound', '<Response><Play loop="0">https://x.test/hold.mp3</Play></Response>');
    app.reply('/voicemail', '<Response><Say>Voicemail</Say><Pause length="600"/></Response>');
    const client = twilioClient(sandbox.url, accountSid, authToken);
    const callSid = await placeCall();
    await eventually(() => callView(callSid), (c) => c.status === 'in-progress');
    await client.calls(callSid).update({ url: `${app.url}/voicemail`, method: 'POST' });
    await app.waitFor((h) => h.path === '/voicemail');
    const live = await client.calls(callSid).fetch();
    expect(live.status).toBe('in-progress');
    await client.calls(callSid).update({ twiml: '<Response><Pause length="600"/></Response>' });
    await client.calls(callSid).update({ status: 'completed' });
    const ended = await eventually(() => client.calls(callSid).fetch(), (c) => c.status === 'completed');
    expect(Number(ended.duration)).toBeGreaterThanOrEqual(1);
    await expect(client.calls(callSid).update({ status: 'completed' })).rejects.toMatchObject({ code: 21220 });
  });
});
