import { rfc2822 } from '../rest/format.js';
import { newSid } from '../state/ids.js';
import type { Account, Conference, Participant } from '../state/types.js';
import type { CallEngine } from './engine.js';
import type { CallbackConfig, LiveCall } from './live-call.js';
import { deferred } from './wait.js';
import type { Params } from './webhook.js';

export interface JoinOptions {
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  muted: boolean;
  label: string | null;
  callback: CallbackConfig | null;
}

interface Membership {
  call: LiveCall;
  participant: Participant;
  left: { promise: Promise<string>; resolve: (reason: string) => void };
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
    this.members.set(call.sid, { call, participant, left });
    call.record.conferenceSid = conf.sid;
    this.engine.event(call, 'conference-join', { conferenceSid: conf.sid, friendlyName: conf.friendlyName });
    this.emit(conf, 'participant-join', participant);
    if (conf.status === 'init' && opts.startConferenceOnEnter) {
      conf.status = 'in-progress';
      conf.dateUpdated = new Date();
      this.emit(conf, 'conference-start');
    }
    return left.promise;
  }

  leave(callSid: string, reason: string): void {
    const member = this.members.get(callSid);
    if (!member) return;
    const conf = this.engine.store.conferences.get(member.participant.conferenceSid)!;
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
