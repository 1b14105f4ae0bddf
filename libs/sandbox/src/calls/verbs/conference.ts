import { boolAttr, type TwimlNode } from '../../twiml/parse.js';
import type { ConferenceRecordRequest } from '../conferences.js';
import type { CallbackConfig } from '../live-call.js';
import { abortReason } from '../live-call.js';
import { recordingCallback } from '../recordings.js';
import type { Next, VerbContext } from '../runner.js';
import { whenAborted } from '../wait.js';
import { finishDial } from './dial.js';

export function conferenceCallback(ctx: VerbContext, attrs: Record<string, string>): CallbackConfig | null {
  const url = attrs.statusCallback;
  if (!url) return null;
  // Sandbox assumption: with no statusCallbackEvent, conference start and end are reported.
  const events = (attrs.statusCallbackEvent ?? 'start end').split(/[\s,]+/).filter(Boolean);
  return { url: ctx.engine.resolveUrl(ctx.call, url), method: (attrs.statusCallbackMethod || 'POST').toUpperCase(), events: new Set(events) };
}

// record="record-from-start" (or "true", as REST's ConferenceRecord allows); trim defaults to
// trim-silence, as twilio-node documents for ConferenceTrim.
export function conferenceRecordRequest(ctx: VerbContext, attrs: Record<string, string>): ConferenceRecordRequest | null {
  const record = attrs.record ?? 'do-not-record';
  if (record !== 'record-from-start' && record !== 'true') return null;
  const callback = recordingCallback(attrs);
  // Resolved now, against the document that asked: the callback goes out after this leg may have moved on.
  if (callback) callback.url = ctx.engine.resolveUrl(ctx.call, callback.url);
  const trim = attrs.trim ?? 'trim-silence';
  return { callback, trim: trim !== 'do-not-trim' && trim !== 'false' };
}

// <Dial><Conference>: joins (creating if needed) the account's conference of that name and
// stays until the conference ends, the participant is removed, or the call hangs up/redirects.
export async function conferenceVerb(ctx: VerbContext, noun: TwimlNode): Promise<Next> {
  const { call, signal, engine } = ctx;
  engine.answer(call);
  const conferences = engine.conferences;
  const conf = conferences.findOrCreate(call.account, noun.text);
  const left = conferences.join(call, conf, {
    startConferenceOnEnter: boolAttr(noun, 'startConferenceOnEnter', true),
    endConferenceOnExit: boolAttr(noun, 'endConferenceOnExit', false),
    muted: boolAttr(noun, 'muted', false),
    label: noun.attrs.participantLabel ?? null,
    callback: conferenceCallback(ctx, noun.attrs),
    record: conferenceRecordRequest(ctx, noun.attrs),
  });
  const outcome = await Promise.race([left, whenAborted(signal).then(() => null)]);
  if (outcome === null) {
    const reason = abortReason(signal);
    conferences.leave(call.sid, reason === 'hangup' ? 'participant_hung_up' : 'participant_updated_via_api');
  }
  return finishDial(ctx, { DialCallStatus: 'completed', ConferenceSid: conf.sid });
}
