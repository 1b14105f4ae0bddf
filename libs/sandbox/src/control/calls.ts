import type { LiveCall } from '../calls/live-call.js';
import { CallError, type Telephony } from '../calls/telephony.js';
import type { Router } from '../http/router.js';
import { sendJson } from '../http/router.js';
import type { Store } from '../state/store.js';
import type { CallRecord, PhoneAnswer } from '../state/types.js';
import { controlError, field, numberField, oneOf, requireE164 } from './body.js';

export function callSummary(store: Store, telephony: Telephony, r: CallRecord) {
  const conf = r.conferenceSid ? store.conferences.get(r.conferenceSid) : undefined;
  return {
    callSid: r.sid,
    accountSid: r.accountSid,
    parentCallSid: r.parentCallSid,
    status: r.status,
    direction: r.direction,
    from: r.from,
    to: r.to,
    durationSeconds: telephony.engine.durationSeconds(r),
    bridgedCallSid: r.bridgedCallSid,
    childCallSids: [...store.calls.values()].filter((c) => c.parentCallSid === r.sid).map((c) => c.sid),
    ...(conf ? {
      conference: { sid: conf.sid, friendlyName: conf.friendlyName, status: conf.status },
      participants: [...conf.participants.values()].map((p) => ({ callSid: p.callSid, label: p.label, muted: p.muted, hold: p.hold, status: p.status })),
    } : {}),
    recordingSid: r.recordingSids.at(-1) ?? null,
    recordingSids: r.recordingSids,
    transcript: r.transcript.map((line) => line.text),
    events: r.events,
  };
}

export function registerCallControl(router: Router, store: Store, telephony: Telephony): void {
  const { engine } = telephony;
  const findLive = (sid: string): LiveCall => {
    const live = engine.live.get(sid);
    if (live) return live;
    if (store.calls.has(sid)) throw controlError(409, `Call ${sid} has ended`, 'CALL_ENDED');
    throw controlError(404, `No call ${sid}`);
  };

  router.post('/sandbox/calls', (ctx) => {
    const from = requireE164(field(ctx, 'from'), 'from');
    const to = requireE164(field(ctx, 'to'), 'to');
    try {
      const call = telephony.placeInboundCall(from, to);
      sendJson(ctx.res, 201, { callSid: call.sid });
    } catch (err) {
      if (err instanceof CallError) throw controlError(err.status, err.message, String(err.code));
      throw err;
    }
  });

  router.get('/sandbox/calls', ({ res, query }) => {
    const limit = Math.min(200, Number(query.get('limit') ?? 50) || 50);
    const calls = [...store.calls.values()].reverse().slice(0, limit);
    sendJson(res, 200, calls.map((r) => {
      const { events: _events, ...rest } = callSummary(store, telephony, r);
      return rest;
    }));
  });

  router.get('/sandbox/calls/:callSid', ({ res, params }) => {
    const record = store.calls.get(params.callSid!);
    if (!record) throw controlError(404, `No call ${params.callSid}`);
    sendJson(res, 200, callSummary(store, telephony, record));
  });

  // The pretend phone hangs up: a caller ends its call; a ringing callee declines (busy).
  router.post('/sandbox/calls/:callSid/hangup', ({ res, params }) => {
    const call = findLive(params.callSid!);
    if (!call.isAnswered && call.record.direction !== 'inbound' && call.record.status === 'ringing') call.emit('remote', 'busy');
    else engine.hangup(call, 'canceled');
    sendJson(res, 200, { callSid: call.sid, status: call.record.status });
  });

  // A ringing pretend callee picks up (or declines with {answer: "busy"|"no-answer"|"fail"}).
  router.post('/sandbox/calls/:callSid/answer', (ctx) => {
    const call = findLive(ctx.params.callSid!);
    if (call.record.status !== 'ringing' || call.record.direction === 'inbound' || call.endpoint.kind !== 'phone') {
      throw controlError(409, 'Only a ringing call to a pretend phone can be answered', 'NOT_RINGING');
    }
    const answer = oneOf(ctx, 'answer', ['answer', 'busy', 'no-answer', 'fail'] as const) ?? 'answer';
    call.emit('remote', answer === 'answer' ? 'answered' : answer === 'fail' ? 'failed' : answer);
    sendJson(ctx.res, 200, { callSid: call.sid });
  });

  router.post('/sandbox/calls/:callSid/digits', (ctx) => {
    const call = findLive(ctx.params.callSid!);
    const digits = field(ctx, 'digits') ?? '';
    if (!/^[0-9*#w]+$/.test(digits)) throw controlError(400, 'digits must be 0-9, *, # or w');
    engine.digits(call, digits.replace(/w/g, ''));
    sendJson(ctx.res, 200, { callSid: call.sid });
  });

  router.post('/sandbox/calls/:callSid/say', (ctx) => {
    const call = findLive(ctx.params.callSid!);
    const text = field(ctx, 'text')?.trim();
    if (!text) throw controlError(400, 'text is required');
    engine.say(call, text);
    sendJson(ctx.res, 200, { callSid: call.sid });
  });

  router.put('/sandbox/phones/:e164', (ctx) => {
    const e164 = requireE164(ctx.params.e164, 'e164');
    const current = store.phoneBehaviour(e164);
    const callerName = field(ctx, 'callerName');
    const hasCallerName = ctx.json && typeof ctx.json === 'object' && 'callerName' in (ctx.json as object);
    const behaviour = {
      answer: oneOf<PhoneAnswer>(ctx, 'answer', ['answer', 'busy', 'no-answer', 'fail']) ?? current.answer,
      afterMs: numberField(ctx, 'afterMs') ?? current.afterMs,
      hangupAfterMs: numberField(ctx, 'hangupAfterMs') ?? current.hangupAfterMs,
      callerName: hasCallerName || callerName !== undefined ? (callerName ?? null) : current.callerName,
    };
    store.phones.set(e164, behaviour);
    store.changed();
    sendJson(ctx.res, 200, { e164, ...behaviour });
  });

  router.get('/sandbox/phones/:e164', (ctx) => {
    const e164 = requireE164(ctx.params.e164, 'e164');
    sendJson(ctx.res, 200, { e164, ...store.phoneBehaviour(e164) });
  });

  router.delete('/sandbox/phones/:e164', (ctx) => {
    store.phones.delete(requireE164(ctx.params.e164, 'e164'));
    store.changed();
    ctx.res.writeHead(204).end();
  });

  router.get('/sandbox/recordings/:recordingSid', ({ res, params }) => {
    const rec = store.recordings.get(params.recordingSid!);
    if (!rec) throw controlError(404, `No recording ${params.recordingSid}`);
    sendJson(res, 200, { sid: rec.sid, accountSid: rec.accountSid, callSid: rec.callSid, durationSeconds: rec.durationSeconds, source: rec.source, transcript: rec.transcript });
  });
}
