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
  if (trim && lines.length === 0) {
    engine.event(call, 'recording', { status: 'absent', source: active.source });
    if (active.callback?.events.has('absent')) {
      engine.notify(call, active.callback.url, active.callback.method, { RecordingStatus: 'absent', RecordingSource: active.source, ErrorCode: '0' }, 'recording-status:absent');
    }
    return null;
  }
  const rec = saveRecording(engine, call, { ...active, lines });
  const cb = active.callback;
  if (cb?.events.has('completed')) {
    engine.notify(call, cb.url, cb.method, {
      ...completedRecordingParams(engine, rec),
      ...(rec.conferenceSid ? { ConferenceSid: rec.conferenceSid } : {}),
    }, 'recording-status:completed');
  }
  return rec;
}

// Stores a finished recording as the call's (its call_sid) and logs it in that call's events.
export function saveRecording(
  engine: CallEngine,
  call: LiveCall,
  input: Pick<ActiveRecording, 'source' | 'channels' | 'startedAt' | 'conferenceSid'> & { sid?: string; lines: string[] },
): Recording {
  const elapsedSeconds = (Date.now() - input.startedAt) / engine.options.secondMs;
  const now = new Date();
  const rec: Recording = {
    sid: input.sid ?? newSid('RE'),
    accountSid: call.account.sid,
    callSid: call.sid,
    conferenceSid: input.conferenceSid,
    durationSeconds: Math.max(1, Math.round(elapsedSeconds)),
    channels: input.channels,
    source: input.source,
    status: 'completed',
    startTime: new Date(input.startedAt),
    dateCreated: now,
    dateUpdated: now,
    transcript: input.lines,
  };
  engine.store.recordings.set(rec.sid, rec);
  engine.store.changed();
  call.record.recordingSids.push(rec.sid);
  engine.event(call, 'recording', {
    recordingSid: rec.sid, durationSeconds: rec.durationSeconds, source: rec.source,
    ...(rec.conferenceSid ? { conferenceSid: rec.conferenceSid } : {}),
  });
  return rec;
}

// The recording status callback fields of a completed recording (§2.6), without the call or conference.
export function completedRecordingParams(engine: CallEngine, rec: Recording): Params {
  return {
    ...recordingParams(engine, rec),
    RecordingStatus: 'completed',
    RecordingChannels: String(rec.channels),
    RecordingStartTime: rfc2822(rec.startTime)!,
    RecordingSource: rec.source,
    RecordingTrack: 'both',
    ErrorCode: '0',
  };
}

// recordingStatusCallback / recordingStatusCallbackEvent / recordingStatusCallbackMethod attributes.
export function recordingCallback(attrs: Record<string, string>): CallbackConfig | null {
  const url = attrs.recordingStatusCallback;
  if (!url) return null;
  const events = (attrs.recordingStatusCallbackEvent ?? 'completed').split(/[\s,]+/).filter(Boolean);
  return { url, method: (attrs.recordingStatusCallbackMethod ?? 'POST').toUpperCase(), events: new Set(events) };
}
