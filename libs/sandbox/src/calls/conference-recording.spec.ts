import twilio from 'twilio';
import { startSandbox, type Sandbox } from '../server.js';
import { FakeApp, type ReceivedWebhook } from '../test-support/app-server.js';
import { accountWithNumber, control, eventually, twilioClient } from '../test-support/control.js';

interface CallView {
  status: string;
  conference?: { sid: string; status: string };
  recordingSids: string[];
  events: Array<{ type: string; [key: string]: unknown }>;
}

interface RecordingView {
  callSid: string;
  durationSeconds: number;
  source: string;
  transcript: string[];
}

describe('conference recording', () => {
  let sandbox: Sandbox;
  let app: FakeApp;
  let accountSid: string;
  let authToken: string;
  let number: string;
  const caller = '+14155550301';
  const agent = '+14155550302';
  const supervisor = '+14155550303';
  const callLogId = '6f1c2b9e-4d3a-4e8f-9a7b-2c5d8e1f0a93';
  const recordingPath = '/webhooks/twilio/voice/recording';

  const callView = (sid: string) => control<CallView>(sandbox.url, 'GET', `/sandbox/calls/${sid}`);
  const recordingView = (sid: string) => control<RecordingView>(sandbox.url, 'GET', `/sandbox/recordings/${sid}`);
  const placeCall = async (from: string) => (await control<{ callSid: string }>(sandbox.url, 'POST', '/sandbox/calls', { from, to: number })).callSid;
  const say = (callSid: string, text: string) => control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/say`, { text });
  const inConference = (callSid: string) => eventually(() => callView(callSid), (c) => c.conference?.status === 'in-progress');
  const expectSigned = (hook: ReceivedWebhook) => expect(twilio.validateRequest(authToken, hook.signature, hook.url, hook.params)).toBe(true);
  // The API's TwiML: the caller parked, the answering agent starting (and recording) the conference.
  const parked = (attrs = '') => `<Response><Dial><Conference startConferenceOnEnter="false" endConferenceOnExit="true" beep="false"${attrs}>call-1</Conference></Dial></Response>`;
  const answering = (attrs = '') => `<Response><Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="true" beep="false"${attrs}>call-1</Conference></Dial></Response>`;
  const recorded = (events?: string) =>
    ` record="record-from-start" recordingStatusCallback="${app.url}${recordingPath}?callLogId=${callLogId}"${events ? ` recordingStatusCallbackEvent="${events}"` : ''}`;
  const answerBy = (byFrom: Record<string, string>) => app.reply('/inbound', (h) => byFrom[h.params.From!] ?? '<Response><Hangup/></Response>');

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, secondMs: 10 });
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

  it('should record both legs of a conference and post a signed conference recording callback when it ends', async () => {
    answerBy({ [caller]: parked(), [agent]: answering(recorded()) });
    const callerSid = await placeCall(caller);
    await eventually(() => callView(callerSid), (c) => c.conference?.status === 'init');
    await say(callerSid, 'Is anyone there?'); // parked, before the conference (and its recording) starts
    const agentSid = await placeCall(agent);
    const view = await inConference(agentSid);
    await say(callerSid, 'Hi, I need a quote for a new roof');
    await new Promise((r) => setTimeout(r, 30));
    await say(agentSid, 'Sure, what is the address?');
    await control(sandbox.url, 'POST', `/sandbox/calls/${agentSid}/hangup`);

    const hook = await app.waitFor((h) => h.path === recordingPath);
    expect(hook.url).toBe(`${app.url}${recordingPath}?callLogId=${callLogId}`);
    expectSigned(hook);
    expect(Object.keys(hook.params).sort()).toEqual([
      'AccountSid', 'ConferenceSid', 'ErrorCode', 'RecordingChannels', 'RecordingDuration', 'RecordingSid', 'RecordingSource',
      'RecordingStartTime', 'RecordingStatus', 'RecordingTrack', 'RecordingUrl',
    ]);
    expect(hook.params).toMatchObject({
      AccountSid: accountSid, ConferenceSid: view.conference!.sid, RecordingStatus: 'completed', RecordingSource: 'Conference',
      RecordingChannels: '1', RecordingTrack: 'both', ErrorCode: '0',
    });
    expect(hook.params.CallSid).toBeUndefined();
    expect(Number(hook.params.RecordingDuration)).toBeGreaterThan(0);
    const recordingSid = hook.params.RecordingSid!;
    expect(hook.params.RecordingUrl).toBe(`${sandbox.url}/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}`);

    const rec = await recordingView(recordingSid);
    expect(rec).toMatchObject({ callSid: agentSid, source: 'Conference', transcript: ['Hi, I need a quote for a new roof', 'Sure, what is the address?'] });
    expect(rec.durationSeconds).toBeGreaterThan(0);
    const resource = await twilioClient(sandbox.url, accountSid, authToken).recordings(recordingSid).fetch();
    expect(resource).toMatchObject({ callSid: agentSid, conferenceSid: view.conference!.sid, source: 'Conference', status: 'completed', duration: hook.params.RecordingDuration });
    const agentCall = await callView(agentSid);
    expect(agentCall.recordingSids).toEqual([recordingSid]);
    expect(agentCall.events).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'recording', recordingSid, source: 'Conference', conferenceSid: view.conference!.sid }),
    ]));
    expect(app.hooks(recordingPath)).toHaveLength(1);
  });

  it('should make no recording when no participant asks for one', async () => {
    answerBy({ [caller]: parked(), [agent]: answering() });
    const callerSid = await placeCall(caller);
    await eventually(() => callView(callerSid), (c) => c.conference?.status === 'init');
    const agentSid = await placeCall(agent);
    await inConference(agentSid);
    await say(callerSid, 'Hello?');
    await say(agentSid, 'Hi there');
    await control(sandbox.url, 'POST', `/sandbox/calls/${callerSid}/hangup`);
    await eventually(() => callView(agentSid), (c) => c.status === 'completed');
    await new Promise((r) => setTimeout(r, 30));
    expect((await callView(callerSid)).recordingSids).toEqual([]);
    expect((await callView(agentSid)).recordingSids).toEqual([]);
    expect(await twilioClient(sandbox.url, accountSid, authToken).recordings.list()).toEqual([]);
    expect(app.hooks(recordingPath)).toHaveLength(0);
  });

  it('should start recording with the conference for a participant already present and hear a later joiner', async () => {
    answerBy({
      [caller]: parked(recorded('in-progress completed')),
      [agent]: answering(),
      [supervisor]: '<Response><Dial><Conference startConferenceOnEnter="false" beep="false">call-1</Conference></Dial></Response>',
    });
    const callerSid = await placeCall(caller);
    await eventually(() => callView(callerSid), (c) => c.conference?.status === 'init');
    const agentSid = await placeCall(agent);
    await inConference(agentSid);
    await say(agentSid, 'Thanks for holding');
    const supervisorSid = await placeCall(supervisor);
    await inConference(supervisorSid);
    await say(supervisorSid, 'I am listening in');
    await control(sandbox.url, 'POST', `/sandbox/calls/${callerSid}/hangup`);

    const completed = await app.waitFor((h) => h.path === recordingPath && h.params.RecordingStatus === 'completed');
    const [started] = app.hooks(recordingPath);
    expect(started!.params).toMatchObject({ RecordingStatus: 'in-progress', RecordingSid: completed.params.RecordingSid, ConferenceSid: completed.params.ConferenceSid });
    expect(started!.params.CallSid).toBeUndefined();
    expectSigned(started!);
    const rec = await recordingView(completed.params.RecordingSid!);
    expect(rec).toMatchObject({ callSid: callerSid, transcript: ['Thanks for holding', 'I am listening in'] });
  });

  it('should report an absent recording when nobody spoke and silence is trimmed', async () => {
    answerBy({ [caller]: parked(), [agent]: answering(recorded('completed absent')) });
    const callerSid = await placeCall(caller);
    await eventually(() => callView(callerSid), (c) => c.conference?.status === 'init');
    const agentSid = await placeCall(agent);
    const view = await inConference(agentSid);
    await control(sandbox.url, 'POST', `/sandbox/calls/${agentSid}/hangup`);

    const hook = await app.waitFor((h) => h.path === recordingPath);
    expect(hook.params).toMatchObject({ RecordingStatus: 'absent', RecordingSource: 'Conference', ConferenceSid: view.conference!.sid });
    expect(hook.params.CallSid).toBeUndefined();
    expectSigned(hook);
    expect(await twilioClient(sandbox.url, accountSid, authToken).recordings.list()).toEqual([]);
    const agentCall = await callView(agentSid);
    expect(agentCall.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'recording', status: 'absent' })]));
  });
});
