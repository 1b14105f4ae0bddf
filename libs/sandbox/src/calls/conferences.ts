import { rfc2822 } from '../rest/format.js';
import { newSid } from '../state/ids.js';
import type { Account, Conference, Participant } from '../state/types.js';
import type { CallEngine } from './engine.js';
import type { CallbackConfig, LiveCall } from './live-call.js';
import { completedRecordingParams, recordingUrl, saveRecording } from './recordings.js';
import { deferred } from './wait.js';
import type { Params } from './webhook.js';

export interface JoinOptions {
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  muted: boolean;
  label: string | null;
  callback: CallbackConfig | null;
  // <Conference record="record-from-start">: this participant asks for the conference recording.
  record?: ConferenceRecordRequest | null;
}

export interface ConferenceRecordRequest {
  callback: CallbackConfig | null;
  // trim-silence (the default): a recording in which nobody spoke is absent.
  trim: boolean;
}

// The conference's one recording, asked for by the TwiML of `requester` (its call_sid).
interface ConferenceRecording {
  requester: LiveCall;
  request: ConferenceRecordRequest;
  sid: string;
  // Set when the conference starts (or when the requester joins one already running).
  startedAt: number | null;
  lines: string[];
  chain: Promise<void>;
}

interface Membership {
  call: LiveCall;
  participant: Participant;
  left: { promise: Promise<string>; resolve: (reason: string) => void };
  onSay: (text: string) => void;
}

interface ConferenceCallbacks {
  config: CallbackConfig;
  sequence: number;
  chain: Promise<void>;
}

// Conference event names per statusCallbackEvent keyword.
const EVENT_KEYWORD: Record<string, string> = {
  'conference-start': 'start', 'conference-end': 'end', 'participant-join': 'join', 'participant-leave': 'leave',
  'participant-mute': 'mute', 'participant-unmute': 'mute', 'participant-hold': 'hold', 'participant-unhold': 'hold',
};

// Conferences by account and friendly name: joins, leaves, start/end rules and their callbacks.
export class ConferenceEngine {
  private readonly members = new Map<string, Membership>();
  private readonly callbacks = new Map<string, ConferenceCallbacks>();
  private readonly recordings = new Map<string, ConferenceRecording>();

  constructor(private readonly engine: CallEngine) {}

  findActive(accountSid: string, friendlyName: string): Conference | undefined {
    for (const conf of this.engine.store.conferences.values()) {
      if (conf.accountSid === accountSid && conf.friendlyName === friendlyName && conf.status !== 'completed') return conf;
    }
    return undefined;
  }

  findOrCreate(account: Account, friendlyName: string): Conference {
    const existing = this.findActive(account.sid, friendlyName);
    if (existing) return existing;
    const now = new Date();
    const conf: Conference = {
      sid: newSid('CF'), accountSid: account.sid, friendlyName, status: 'init', reasonConferenceEnded: null,
      callSidEndingConference: null, dateCreated: now, dateUpdated: now, participants: new Map(),
    };
    this.engine.store.conferences.set(conf.sid, conf);
    return conf;
  }

  // Puts a call in the named conference; `left` resolves with the reason it was taken out
  // (the conference ended or it was removed) — the caller's own hangup goes through leave().
  join(call: LiveCall, conf: Conference, opts: JoinOptions): Promise<string> {
    if (opts.callback && !this.callbacks.has(conf.sid)) {
      this.callbacks.set(conf.sid, { config: opts.callback, sequence: 0, chain: Promise.resolve() });
    }
    const now = new Date();
    const participant: Participant = conf.participants.get(call.sid) ?? {
      callSid: call.sid, conferenceSid: conf.sid, accountSid: conf.accountSid, label: opts.label, muted: opts.muted,
      hold: false, status: 'connected', startConferenceOnEnter: opts.startConferenceOnEnter,
      endConferenceOnExit: opts.endConferenceOnExit, dateCreated: now, dateUpdated: now,
    };
    participant.status = 'connected';
    conf.participants.set(call.sid, participant);
    const left = deferred<string>();
    const onSay = (text: string) => this.heard(conf, participant, text);
    call.on('say', onSay);
    this.members.set(call.sid, { call, participant, left, onSay });
    call.record.conferenceSid = conf.sid;
    if (opts.record && !this.recordings.has(conf.sid)) {
      this.recordings.set(conf.sid, { requester: call, request: opts.record, sid: newSid('RE'), startedAt: null, lines: [], chain: Promise.resolve() });
    }
    this.engine.event(call, 'conference-join', { conferenceSid: conf.sid, friendlyName: conf.friendlyName });
    this.emit(conf, 'participant-join', participant);
    if (conf.status === 'init' && opts.startConferenceOnEnter) {
      conf.status = 'in-progress';
      conf.dateUpdated = new Date();
      this.emit(conf, 'conference-start');
    }
    if (conf.status === 'in-progress') this.startRecording(conf);
    return left.promise;
  }

  leave(callSid: string, reason: string): void {
    const member = this.members.get(callSid);
    if (!member) return;
    const conf = this.engine.store.conferences.get(member.participant.conferenceSid);
    if (!conf) {
      // The sandbox was reset under a live conference: nothing left to report.
      this.members.delete(callSid);
      this.recordings.delete(member.participant.conferenceSid);
      member.call.off('say', member.onSay);
      member.left.resolve(reason);
      return;
    }
    this.remove(conf, member, reason);
    if (conf.status === 'completed') return;
    if (member.participant.endConferenceOnExit) this.end(conf, 'participant-with-end-conference-on-exit-left', callSid);
    else if (conf.participants.size === 0) this.end(conf, 'last-participant-left', callSid);
  }

  end(conf: Conference, reason: string, endingCallSid: string | null): void {
    if (conf.status === 'completed') return;
    conf.status = 'completed';
    conf.reasonConferenceEnded = reason;
    conf.callSidEndingConference = endingCallSid;
    conf.dateUpdated = new Date();
    for (const callSid of [...conf.participants.keys()]) {
      const member = this.members.get(callSid);
      if (member) this.remove(conf, member, 'conference_ended');
      else conf.participants.delete(callSid);
    }
    this.emit(conf, 'conference-end', null, { ReasonConferenceEnded: reason, ...(endingCallSid ? { CallSidEndingConference: endingCallSid } : {}) });
    this.finishRecording(conf);
  }

  // A participant announced before its call answered (REST Participants create).
  expect(conf: Conference, callSid: string, opts: JoinOptions): Participant {
    const now = new Date();
    const participant: Participant = {
      callSid, conferenceSid: conf.sid, accountSid: conf.accountSid, label: opts.label, muted: opts.muted, hold: false,
      status: 'queued', startConferenceOnEnter: opts.startConferenceOnEnter, endConferenceOnExit: opts.endConferenceOnExit,
      dateCreated: now, dateUpdated: now,
    };
    conf.participants.set(callSid, participant);
    return participant;
  }

  // Drops an expected participant whose call never answered.
  forget(conf: Conference, callSid: string): void {
    const participant = conf.participants.get(callSid);
    if (!participant || this.members.has(callSid)) return;
    participant.status = 'failed';
    conf.participants.delete(callSid);
    if (conf.status === 'init' && conf.participants.size === 0) this.end(conf, 'last-participant-left', callSid);
  }

  update(conf: Conference, participant: Participant, change: { hold?: boolean; muted?: boolean }): void {
    if (change.hold !== undefined && change.hold !== participant.hold) {
      participant.hold = change.hold;
      this.emit(conf, change.hold ? 'participant-hold' : 'participant-unhold', participant);
    }
    if (change.muted !== undefined && change.muted !== participant.muted) {
      participant.muted = change.muted;
      this.emit(conf, change.muted ? 'participant-mute' : 'participant-unmute', participant);
    }
    participant.dateUpdated = new Date();
  }

  private remove(conf: Conference, member: Membership, reason: string): void {
    this.members.delete(member.call.sid);
    member.call.off('say', member.onSay);
    const recording = this.recordings.get(conf.sid);
    // A request whose participant leaves before the conference starts is dropped with it.
    if (recording?.startedAt === null && recording.requester === member.call) this.recordings.delete(conf.sid);
    conf.participants.delete(member.call.sid);
    member.participant.status = 'complete';
    member.participant.dateUpdated = new Date();
    this.engine.event(member.call, 'conference-leave', { conferenceSid: conf.sid, reason });
    this.emit(conf, 'participant-leave', member.participant, {
      ParticipantCallStatus: member.call.record.status,
      ReasonParticipantLeft: reason,
    });
    member.left.resolve(reason);
  }

  private startRecording(conf: Conference): void {
    const recording = this.recordings.get(conf.sid);
    if (!recording || recording.startedAt !== null) return;
    recording.startedAt = Date.now();
    this.recordingStatus(conf, recording, 'in-progress', { RecordingUrl: recordingUrl(this.engine, { accountSid: conf.accountSid, sid: recording.sid }) });
  }

  // A line said by a member's leg: the recording hears it unless the member is muted or on hold.
  private heard(conf: Conference, participant: Participant, text: string): void {
    const recording = this.recordings.get(conf.sid);
    if (!recording || recording.startedAt === null || conf.status !== 'in-progress') return;
    if (participant.muted || participant.hold) return;
    recording.lines.push(text);
  }

  private finishRecording(conf: Conference): void {
    const recording = this.recordings.get(conf.sid);
    this.recordings.delete(conf.sid);
    if (!recording || recording.startedAt === null) return;
    const { requester } = recording;
    if (recording.request.trim && recording.lines.length === 0) {
      this.engine.event(requester, 'recording', { status: 'absent', source: 'Conference', conferenceSid: conf.sid });
      this.recordingStatus(conf, recording, 'absent', {});
      return;
    }
    const rec = saveRecording(this.engine, requester, {
      sid: recording.sid, source: 'Conference', channels: 1, startedAt: recording.startedAt, conferenceSid: conf.sid, lines: recording.lines,
    });
    this.recordingStatus(conf, recording, 'completed', completedRecordingParams(this.engine, rec));
  }

  // Conference recording callbacks name the conference, not a call: no CallSid or call parameters.
  private recordingStatus(conf: Conference, recording: ConferenceRecording, status: string, fields: Params): void {
    const cb = recording.request.callback;
    if (!cb || !cb.events.has(status)) return;
    const params: Params = {
      AccountSid: conf.accountSid,
      ConferenceSid: conf.sid,
      RecordingSid: recording.sid,
      RecordingStatus: status,
      RecordingChannels: '1',
      RecordingStartTime: rfc2822(new Date(recording.startedAt ?? Date.now()))!,
      RecordingSource: 'Conference',
      RecordingTrack: 'both',
      ErrorCode: '0',
      ...fields,
    };
    const { requester } = recording;
    recording.chain = recording.chain.then(async () => {
      const result = await this.engine.send(requester.account.authToken, cb.url, cb.method, params);
      this.engine.event(requester, 'webhook', {
        purpose: `recording-status:${status}`, url: cb.url, method: cb.method, status: result.status,
        ...(result.errorCode ? { errorCode: result.errorCode, error: result.error } : {}),
      });
    });
  }

  private emit(conf: Conference, event: string, participant: Participant | null = null, extra: Params = {}): void {
    for (const member of this.members.values()) {
      if (member.participant.conferenceSid === conf.sid && (!participant || member.participant === participant)) {
        this.engine.event(member.call, 'conference-event', { event });
      }
    }
    const callbacks = this.callbacks.get(conf.sid);
    const keyword = EVENT_KEYWORD[event];
    if (!callbacks || !keyword || !callbacks.config.events.has(keyword)) return;
    const account = this.engine.store.accounts.get(conf.accountSid);
    if (!account) return;
    const params: Params = {
      AccountSid: conf.accountSid,
      ConferenceSid: conf.sid,
      FriendlyName: conf.friendlyName,
      StatusCallbackEvent: event,
      Timestamp: rfc2822(new Date())!,
      SequenceNumber: String(callbacks.sequence++),
      ...extra,
    };
    if (participant) {
      Object.assign(params, {
        CallSid: participant.callSid,
        Muted: String(participant.muted),
        Hold: String(participant.hold),
        Coaching: 'false',
        EndConferenceOnExit: String(participant.endConferenceOnExit),
        StartConferenceOnEnter: String(participant.startConferenceOnEnter),
        ...(participant.label ? { ParticipantLabel: participant.label } : {}),
      });
    }
    const { url, method } = callbacks.config;
    callbacks.chain = callbacks.chain.then(async () => {
      await this.engine.send(account.authToken, url, method, params);
    });
  }
}
