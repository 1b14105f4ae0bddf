export type AccountType = 'Trial' | 'Full';
export type AccountStatus = 'active' | 'suspended' | 'closed';
export type KeyType = 'main' | 'standard' | 'restricted';

export interface Account {
  sid: string;
  authToken: string;
  type: AccountType;
  status: AccountStatus;
  friendlyName: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface ApiKey {
  sid: string;
  accountSid: string;
  secret: string;
  friendlyName: string;
  keyType: KeyType;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface Application {
  sid: string;
  accountSid: string;
  friendlyName: string;
  voiceUrl: string;
  voiceMethod: string;
  voiceFallbackUrl: string;
  voiceFallbackMethod: string;
  statusCallback: string;
  statusCallbackMethod: string;
  voiceCallerIdLookup: boolean;
  publicApplicationConnectEnabled: boolean;
  apiVersion: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface IncomingNumber {
  sid: string;
  accountSid: string;
  phoneNumber: string;
  friendlyName: string;
  voiceUrl: string;
  voiceMethod: string;
  voiceFallbackUrl: string;
  voiceFallbackMethod: string;
  statusCallback: string;
  statusCallbackMethod: string;
  voiceApplicationSid: string;
  voiceCallerIdLookup: boolean;
  voiceReceiveMode: string;
  trunkSid: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export type CallStatus =
  | 'queued'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'failed'
  | 'no-answer'
  | 'canceled';

export const TERMINAL_STATUSES: readonly CallStatus[] = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

export type CallDirection = 'inbound' | 'outbound-api' | 'outbound-dial';

export interface CallEvent {
  at: string;
  type: string;
  [key: string]: unknown;
}

export interface TranscriptLine {
  at: number;
  callSid: string;
  text: string;
}

export interface CallRecord {
  sid: string;
  accountSid: string;
  parentCallSid: string | null;
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  phoneNumberSid: string | null;
  applicationSid: string | null;
  callerName: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  startTime: Date | null;
  answeredAt: Date | null;
  endTime: Date | null;
  conferenceSid: string | null;
  bridgedCallSid: string | null;
  recordingSids: string[];
  transcript: TranscriptLine[];
  events: CallEvent[];
}

export interface Recording {
  sid: string;
  accountSid: string;
  callSid: string;
  conferenceSid: string | null;
  durationSeconds: number;
  channels: number;
  source: string;
  status: 'in-progress' | 'completed' | 'absent';
  startTime: Date;
  dateCreated: Date;
  dateUpdated: Date;
  transcript: string[];
}

export type ConferenceStatus = 'init' | 'in-progress' | 'completed';

export interface Participant {
  callSid: string;
  conferenceSid: string;
  accountSid: string;
  label: string | null;
  muted: boolean;
  hold: boolean;
  status: 'queued' | 'connecting' | 'ringing' | 'connected' | 'complete' | 'failed';
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface Conference {
  sid: string;
  accountSid: string;
  friendlyName: string;
  status: ConferenceStatus;
  reasonConferenceEnded: string | null;
  callSidEndingConference: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  participants: Map<string, Participant>;
}

export type PhoneAnswer = 'answer' | 'busy' | 'no-answer' | 'fail';

// How a pretend phone behaves when the sandbox dials it.
export interface PhoneBehaviour {
  answer: PhoneAnswer;
  afterMs: number;
  hangupAfterMs: number | null;
  callerName: string | null | undefined;
}
