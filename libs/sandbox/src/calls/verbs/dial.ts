import { once } from 'node:events';
import { attr, boolAttr, numberAttr, type TwimlNode } from '../../twiml/parse.js';
import type { Endpoint, LiveCall } from '../live-call.js';
import { abortReason } from '../live-call.js';
import { finishRecording, recordingCallback, recordingParams, startRecording, type ActiveRecording } from '../recordings.js';
import { ringLeg, settleLeg, type RingOutcome } from '../ring.js';
import { CONTINUE, STOP, type Next, type VerbContext } from '../runner.js';
import { sleep, whenAborted } from '../wait.js';
import type { Params } from '../webhook.js';
import { conferenceVerb } from './conference.js';
import { runWhisper } from './whisper.js';

interface DialTarget {
  endpoint: Endpoint;
  to: string;
  noun: TwimlNode | null;
  customParameters: Record<string, string>;
}

function targetsOf(verb: TwimlNode): DialTarget[] {
  if (verb.children.length === 0 && verb.text) {
    return [{ endpoint: { kind: 'phone', e164: verb.text }, to: verb.text, noun: null, customParameters: {} }];
  }
  const targets: DialTarget[] = [];
  for (const noun of verb.children) {
    if (noun.name === 'Number' && noun.text) {
      targets.push({ endpoint: { kind: 'phone', e164: noun.text }, to: noun.text, noun, customParameters: {} });
    } else if (noun.name === 'Client') {
      const identity = noun.children.find((c) => c.name === 'Identity')?.text || noun.text;
      const customParameters: Record<string, string> = {};
      for (const p of noun.children.filter((c) => c.name === 'Parameter')) {
        if (p.attrs.name) customParameters[p.attrs.name] = p.attrs.value ?? '';
      }
      if (identity) targets.push({ endpoint: { kind: 'client', identity }, to: `client:${identity}`, noun, customParameters });
    }
  }
  return targets.slice(0, 10);
}

// A <Number>/<Client> statusCallback, resolved against the document that dialled.
function nounCallback(ctx: VerbContext, noun: TwimlNode | null) {
  const relative = noun?.attrs.statusCallback;
  if (!relative) return null;
  const url = ctx.engine.resolveUrl(ctx.call, relative);
  const events = (noun.attrs.statusCallbackEvent ?? 'completed').split(/[\s,]+/).filter(Boolean);
  return { url, method: (noun.attrs.statusCallbackMethod ?? 'POST').toUpperCase(), events: new Set(events) };
}

// A Dial caller ID must be a number of the account (or a client identity for <Client>).
function callerIdProblem(ctx: VerbContext, callerId: string | undefined, targets: DialTarget[]): string | null {
  const { call, engine } = ctx;
  const dialsPhone = targets.some((t) => t.endpoint.kind === 'phone');
  if (!dialsPhone) return null;
  if (!callerId) return call.record.from.startsWith('client:') ? 'A client leg must set callerId to dial a number' : null;
  const owned = engine.store.findNumberByE164(callerId);
  return owned && owned.accountSid === call.account.sid ? null : `callerId ${callerId} is not a number of this account`;
}

export async function dialVerb(ctx: VerbContext): Promise<Next> {
  const { call, verb, signal, engine } = ctx;
  const conference = verb.children.find((c) => c.name === 'Conference');
  if (conference) return conferenceVerb(ctx, conference);
  const answerOnBridge = boolAttr(verb, 'answerOnBridge', false);
  if (!answerOnBridge) engine.answer(call);
  const targets = targetsOf(verb);
  const callerId = verb.attrs.callerId;
  const problem = callerIdProblem(ctx, callerId, targets);
  if (problem) {
    engine.event(call, 'error', { code: 13214, message: problem });
    return finishDial(ctx, { DialCallStatus: 'failed', DialBridged: 'false' });
  }
  if (targets.length === 0) return CONTINUE;
  const timeoutMs = engine.seconds(Math.min(600, Math.max(5, numberAttr(verb, 'timeout', 30))));
  const record = attr(verb, 'record', 'do-not-record');
  const recCallback = recordingCallback(verb.attrs);
  const cancel = new AbortController();
  const onParentAbort = () => cancel.abort();
  signal.addEventListener('abort', onParentAbort, { once: true });
  let recording: ActiveRecording | null = null;
  const legs = targets.map((t) =>
    engine.createCall({
      account: call.account,
      from: callerId ?? call.record.from,
      to: t.to,
      direction: 'outbound-dial',
      parentCallSid: call.sid,
      endpoint: t.endpoint,
      statusCallback: nounCallback(ctx, t.noun),
    }),
  );
  if (record.startsWith('record-from-ringing')) {
    recording = startRecording(engine, { call, alsoHear: legs, source: 'DialVerb', channels: record.endsWith('dual') ? 2 : 1, callback: recCallback, conferenceSid: null });
  }
  let winner: LiveCall | null = null;
  const outcomes = await Promise.all(
    legs.map(async (leg, i): Promise<RingOutcome> => {
      const noun = targets[i]!.noun;
      const outcome = await ringLeg(engine, leg, { timeoutMs, cancel: cancel.signal, devices: engine.devices, customParameters: targets[i]!.customParameters });
      if (outcome === 'answered' && !winner && noun?.attrs.url) {
        // The callee picked up: it hears the whisper first; the others keep ringing meanwhile,
        // and the first leg still up after its whisper is bridged (a whisper <Hangup> fails over).
        settleLeg(engine, leg, 'answered');
        const accepted = await runWhisper(ctx, leg, noun, cancel.signal);
        if (accepted && !winner) {
          winner = leg;
          cancel.abort();
          return outcome;
        }
        engine.hangup(leg);
        return accepted || cancel.signal.aborted ? 'canceled' : 'no-answer';
      }
      if (outcome === 'answered' && !winner) {
        winner = leg;
        cancel.abort();
        settleLeg(engine, leg, 'answered');
      } else {
        settleLeg(engine, leg, outcome === 'answered' ? 'canceled' : outcome);
      }
      return outcome;
    }),
  );
  signal.removeEventListener('abort', onParentAbort);
  const bridged = winner as LiveCall | null;
  if (!bridged) {
    const status = signal.aborted ? 'canceled' : (['busy', 'failed', 'no-answer'] as const).find((s) => outcomes.includes(s)) ?? 'no-answer';
    if (recording) finishRecording(engine, recording, true);
    return finishDial(ctx, { DialCallStatus: status, DialBridged: 'false' });
  }
  if (answerOnBridge) engine.answer(call);
  call.record.bridgedCallSid = bridged.sid;
  bridged.record.bridgedCallSid = call.sid;
  engine.event(call, 'bridged', { callSid: bridged.sid });
  if (record.startsWith('record-from-answer')) {
    recording = startRecording(engine, { call, alsoHear: [bridged], source: 'DialVerb', channels: record.endsWith('dual') ? 2 : 1, callback: recCallback, conferenceSid: null });
  }
  const timeLimit = new AbortController();
  await Promise.race([
    bridged.isEnded ? Promise.resolve() : once(bridged, 'ended'),
    whenAborted(signal),
    sleep(engine.seconds(numberAttr(verb, 'timeLimit', 14400)), timeLimit.signal),
  ]);
  timeLimit.abort();
  engine.hangup(bridged);
  const params: Params = {
    DialCallStatus: 'completed',
    DialCallSid: bridged.sid,
    DialCallDuration: String(engine.durationSeconds(bridged.record)),
    DialBridged: 'true',
  };
  if (recording) {
    const rec = finishRecording(engine, recording, false);
    if (rec) Object.assign(params, recordingParams(engine, rec));
  }
  return finishDial(ctx, params);
}

// With an action the app's answer replaces the rest of the document; without, go on.
async function finishDial({ call, verb, signal, engine }: VerbContext, params: Params): Promise<Next> {
  engine.event(call, 'dial-ended', { ...params });
  const reason = abortReason(signal);
  if (reason === 'redirect') return STOP;
  const action = verb.attrs.action;
  const method = attr(verb, 'method', 'POST');
  if (reason === 'hangup' || call.isEnded) {
    if (action) void engine.request(call, action, method, params, 'dial-action');
    return STOP;
  }
  return action ? { kind: 'fetch', url: action, method, params } : CONTINUE;
}

export { finishDial };
