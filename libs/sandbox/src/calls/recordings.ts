import { rfc2822 } from '../rest/format.js';
import { newSid } from '../state/ids.js';
import type { Recording } from '../state/types.js';
import type { CallEngine } from './engine.js';
import type { CallbackConfig, LiveCall } from './live-call.js';
import type { Params } from './webhook.js';

export interface ActiveRecording {
  call: LiveCall;
  // Other legs whose lines belong in the transcript (the bridged party of a <Dial record>).
  alsoHear: LiveCall[];
  source: string;
  channels: number;
  startedAt: number;
  callback: CallbackConfig | null;
  conferenceSid: string | null;
}

export function recordingUrl(engine: CallEngine, rec: Pick<Recording, 'accountSid' | 'sid'>): string {
  return `${engine.options.publicUrl()}/2010-04-01/Accounts/${rec.accountSid}/Recordings/${rec.sid}`;
}

export function recordingParams(engine: CallEngine, rec: Recording): Params {
  return {
    RecordingUrl: recordingUrl(engine, rec),
    RecordingSid: rec.sid,
    RecordingDuration: String(rec.durationSeconds),
  };
}

export function startRecording(engine: CallEngine, input: Omit<ActiveRecording, 'startedAt'>): ActiveRecording {
  const active = { ...input, startedAt: Date.now() };
  if (active.callback?.events.has('in-progress')) {
    engine.notify(active.call, active.callback.url, active.callback.method, {
      RecordingSid: '', RecordingStatus: 'in-progress', RecordingSource: active.source,
      RecordingStartTime: rfc2822(new Date(active.startedAt))!, RecordingChannels: String(active.channels),
    }, 'recording-status:in-progress');
  }
  return active;
}

// Ends a recording. Returns null when nothing was heard and `trim` is on (an empty recording).
export function finishRecording(engine: CallEngine, active: ActiveRecording, trim: boolean): Recording | null {
  const { call } = active;
  const lines = [call, ...active.alsoHear]
    .flatMap((leg) => leg.record.transcript)
    .filter((line) => line.at >= active.startedAt)
    .sort((a, b) => a.at - b.at)
    .map((line) => line.text);
  const elapsedSeconds = (Date.now() - active.startedAt) / engine.options.secondMs;
  if (trim && lines.length === 0) {
    engine.event(call, 'recording', { status: 'absent', source: active.source });
    if (active.callback?.events.has('absent')) {
      engine.notify(call, active.callback.url, active.callback.method, { RecordingStatus: 'absent', RecordingSource: active.source, ErrorCode: '0' }, 'recording-status:absent');
    }
    return null;
  }
  const now = new Date();
  const rec: Recording = {
    sid: newSid('RE'),
    accountSid: call.account.sid,
    callSid: call.sid,
    conferenceSid: active.conferenceSid,
    durationSeconds: Math.max(1, Math.round(elapsedSeconds)),
    channels: active.channels,
    source: active.source,
    status: 'completed',
    startTime: new Date(active.startedAt),
    dateCreated: now,
    dateUpdated: now,
    transcript: lines,
  };
  engine.store.recordings.set(rec.sid, rec);
  engine.store.changed();
  call.record.recordingSids.push(rec.sid);
  engine.event(call, 'recording', { recordingSid: rec.sid, durationSeconds: rec.durationSeconds, source: rec.source });
  const cb = active.callback;
  if (cb?.events.has('completed')) {
    engine.notify(call, cb.url, cb.method, {
      ...recordingParams(engine, rec),
      RecordingStatus: 'completed',
      RecordingChannels: String(rec.channels),
      RecordingStartTime: rfc2822(rec.startTime)!,
      RecordingSource: rec.source,
      RecordingTrack: 'both',
      ErrorCode: '0',
      ...(rec.conferenceSid ? { ConferenceSid: rec.conferenceSid } : {}),
    }, 'recording-status:completed');
  }
  return rec;
}

// recordingStatusCallback / recordingStatusCallbackEvent / recordingStatusCallbackMethod attributes.
export function recordingCallback(attrs: Record<string, string>): CallbackConfig | null {
  const url = attrs.recordingStatusCallback;
  if (!url) return null;
  const events = (attrs.recordingStatusCallbackEvent ?? 'completed').split(/[\s,]+/).filter(Boolean);
  return { url, method: (attrs.recordingStatusCallbackMethod ?? 'POST').toUpperCase(), events: new Set(events) };
}
