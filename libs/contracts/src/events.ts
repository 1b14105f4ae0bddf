import type { IntendedStatus, PresenceStatus } from './enums.js';

export interface CallRingingEvent {
  callId: string;
  from: string;
  fromFormatted: string;
  callerName: string | null;
  trackingNumber: string;
  campaign: string | null;
  ringDeadline: string;
}

export interface ServerToClientEvents {
  'call.ringing': (e: CallRingingEvent) => void;
  'call.claimed': (e: { callId: string; answeredBy: { userId: string; name: string } }) => void;
  'call.ended': (e: {
    callId: string;
    reason: 'answered_elsewhere' | 'caller_hung_up' | 'timeout' | 'declined' | 'voicemail' | 'completed';
  }) => void;
  'presence.changed': (e: { userId: string; status: PresenceStatus }) => void;
  'calllog.updated': (e: { id: string }) => void;
}

export interface ClientToServerEvents {
  /** `ok: false` with `error` when the membership, role or session ended: the server then disconnects. */
  'presence.heartbeat': (ack: (r: { ok: boolean; status?: string; error?: string }) => void) => void;
  'presence.set': (e: { status: IntendedStatus }, ack?: (r: { ok: boolean }) => void) => void;
}
