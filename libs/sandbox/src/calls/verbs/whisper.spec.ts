import twilio from 'twilio';
import { startSandbox, type Sandbox } from '../../server.js';
import { FakeApp } from '../../test-support/app-server.js';
import { accountWithNumber, control, eventually } from '../../test-support/control.js';

interface CallView {
  status: string;
  childCallSids: string[];
  events: Array<{ type: string; at: string; verb?: string; text?: string; status?: string; callSid?: string }>;
}

describe('<Dial><Number url> whisper', () => {
  let sandbox: Sandbox;
  let app: FakeApp;
  let number: string;
  let accountSid: string;
  let authToken: string;
  const caller = '+14155550301';
  const callee = '+14155550302';
  const callView = (sid: string) => control<CallView>(sandbox.url, 'GET', `/sandbox/calls/${sid}`);
  const placeCall = async () => (await control<{ callSid: string }>(sandbox.url, 'POST', '/sandbox/calls', { from: caller, to: number })).callSid;
  const said = (v: CallView) => v.events.filter((e) => e.type === 'verb' && e.verb === 'Say').map((e) => e.text);

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
    await control(sandbox.url, 'PUT', `/sandbox/phones/${callee}`, { answer: 'answer', afterMs: 5 });
  });
  afterEach(async () => {
    await app.stop();
  });

  it('should run the whisper on the callee, signed with the child leg, before bridging', async () => {
    app.reply(
      '/inbound',
      `<Response><Dial answerOnBridge="true" record="record-from-answer" action="/done" callerId="${number}"><Number url="/whisper?ws=1" method="POST">${callee}</Number></Dial></Response>`,
    );
    let parentAtWhisper: CallView | null = null;
    app.reply('/whisper', async (hook) => {
      parentAtWhisper = await callView(hook.params.ParentCallSid!);
      return '<Response><Say>This call is recorded.</Say><Pause length="20"/></Response>';
    });
    const callSid = await placeCall();
    const hook = await app.waitFor((h) => h.path === '/whisper');
    const child = (await callView(callSid)).childCallSids[0]!;
    expect(hook.method).toBe('POST');
    expect(hook.url).toBe(`${app.url}/whisper?ws=1`);
    expect(twilio.validateRequest(authToken, hook.signature, hook.url, hook.params)).toBe(true);
    expect(hook.params).toMatchObject({
      AccountSid: accountSid,
      CallSid: child,
      ParentCallSid: callSid,
      From: number,
      To: callee,
      Direction: 'outbound-dial',
      CallStatus: 'in-progress',
    });
    // answerOnBridge: the caller is still ringing, and nothing is bridged, while the callee hears the whisper.
    expect(parentAtWhisper!.status).toBe('ringing');
    expect(parentAtWhisper!.events.some((e) => e.type === 'bridged')).toBe(false);

    const bridged = await eventually(() => callView(callSid), (c) => c.events.some((e) => e.type === 'bridged'));
    const childView = await callView(child);
    expect(said(childView)).toEqual(['This call is recorded.']);
    expect(said(bridged)).toEqual([]); // only the callee hears it
    const sayAt = Date.parse(childView.events.find((e) => e.verb === 'Say')!.at);
    const bridgedAt = Date.parse(bridged.events.find((e) => e.type === 'bridged')!.at);
    expect(bridgedAt - sayAt).toBeGreaterThanOrEqual(150); // the whisper's Say and 20 s (200 ms) Pause ran first

    await control(sandbox.url, 'POST', `/sandbox/calls/${child}/say`, { text: 'Hello?' });
    await control(sandbox.url, 'POST', `/sandbox/calls/${child}/hangup`);
    const done = await app.waitFor((h) => h.path === '/done');
    expect(done.params).toMatchObject({ DialCallStatus: 'completed', DialCallSid: child });
    const rec = await control<{ transcript: string[] }>(sandbox.url, 'GET', `/sandbox/recordings/${done.params.RecordingSid}`);
    expect(rec.transcript).toEqual(['Hello?']); // recorded from the bridge, after the whisper
  });

  it('should hang up a callee whose whisper says <Hangup/> and bridge the next number that answers', async () => {
    const other = '+14155550303';
    await control(sandbox.url, 'PUT', `/sandbox/phones/${other}`, { answer: 'answer', afterMs: 100 });
    app.reply(
      '/inbound',
      `<Response><Dial action="/done" callerId="${number}"><Number url="/decline">${callee}</Number><Number>${other}</Number></Dial></Response>`,
    );
    app.reply('/decline', '<Response><Say>Declined</Say><Hangup/></Response>');
    const callSid = await placeCall();
    const parent = await eventually(() => callView(callSid), (c) => c.events.some((e) => e.type === 'bridged'));
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/hangup`);
    const done = await app.waitFor((h) => h.path === '/done');
    const legs = await Promise.all(parent.childCallSids.map(async (sid) => ({ sid, view: await callView(sid) })));
    const declined = legs.find((l) => l.view.events.some((e) => e.type === 'whisper'))!;
    const answered = legs.find((l) => l !== declined)!;
    expect(said(declined.view)).toEqual(['Declined']);
    expect(declined.view.status).toBe('completed');
    expect(done.params).toMatchObject({ DialCallStatus: 'completed', DialCallSid: answered.sid });
    expect(app.hooks('/decline')).toHaveLength(1);
  });

  it('should end the Dial unbridged when the only callee hangs up in the whisper', async () => {
    app.reply('/inbound', `<Response><Dial action="/done" callerId="${number}"><Number url="/decline">${callee}</Number></Dial></Response>`);
    app.reply('/decline', '<Response><Hangup/></Response>');
    const callSid = await placeCall();
    const done = await app.waitFor((h) => h.path === '/done');
    expect(done.params).toMatchObject({ CallSid: callSid, DialCallStatus: 'no-answer', DialBridged: 'false' });
    expect((await callView(callSid)).events.some((e) => e.type === 'bridged')).toBe(false);
  });

  it('should bridge at once, asking for no whisper, when the Number has no url', async () => {
    app.reply('/inbound', `<Response><Dial action="/done" callerId="${number}"><Number>${callee}</Number></Dial></Response>`);
    const callSid = await placeCall();
    const parent = await eventually(() => callView(callSid), (c) => c.events.some((e) => e.type === 'bridged'));
    const child = await callView(parent.childCallSids[0]!);
    expect(child.events.filter((e) => e.type === 'verb' || e.type === 'whisper' || e.type === 'webhook')).toEqual([]);
    await control(sandbox.url, 'POST', `/sandbox/calls/${callSid}/hangup`);
    await app.waitFor((h) => h.path === '/done');
    expect(app.received.map((h) => h.path)).toEqual(['/inbound', '/done']);
  });

  it('should hang up the callee with an application error when the whisper URL fails', async () => {
    app.reply('/inbound', `<Response><Dial action="/done" callerId="${number}"><Number url="/broken">${callee}</Number></Dial></Response>`);
    app.reply('/broken', 'not TwiML');
    const callSid = await placeCall();
    const done = await app.waitFor((h) => h.path === '/done');
    expect(done.params).toMatchObject({ DialCallStatus: 'no-answer', DialBridged: 'false' });
    const child = await callView((await callView(callSid)).childCallSids[0]!);
    expect(child.status).toBe('completed');
    expect(child.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'error', code: 12100 })]));
  });
});
