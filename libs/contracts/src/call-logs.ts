/** Call logs (a snapshot of one interaction) and the reports built on them. */
import type { CallLogAiView } from './ai.js';
import type { CallDirection, LeadStatus } from './enums.js';

export const CALL_STATUSES = ['ringing', 'in_progress', 'completed', 'missed', 'voicemail', 'busy', 'no_answer', 'failed', 'canceled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface CallLogView {
  id: string;
  twilioCallSid: string | null;
  direction: CallDirection;
  status: CallStatus;
  from: string;
  fromFormatted: string;
  to: string;
  toFormatted: string;
  contact: { id: string; name: string | null; phone: string; leadStatus: LeadStatus } | null;
  agent: { userId: string; name: string } | null;
  trackingNumber: { id: string; e164: string; label: string | null } | null;
  campaign: { id: string; name: string } | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationSeconds: number;
  notes: string | null;
  tags: string[];
  leadStatus: LeadStatus | null;
  dealValueCents: number | null;
  qualifiedAt: string | null;
  qualifiedBy: { userId: string; name: string } | null;
  /** The API's own path serving the audio with the caller's permissions (never Twilio's URL). */
  recordingUrl: string | null;
  /** AI analysis of the recording; null when none was started. */
  ai: CallLogAiView | null;
  /** True while a lead status set here still updates the contact (24 h after the call). */
  syncsContact: boolean;
}

export interface CallLogListQuery {
  mine?: boolean;
  direction?: CallDirection;
  status?: CallStatus;
  contactId?: string;
  agentId?: string;
  campaignId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface UpdateCallLogRequest {
  notes?: string | null;
  tags?: string[];
  leadStatus?: LeadStatus | null;
  dealValueCents?: number | null;
}

export interface UpdateCallLogResponse extends CallLogView {
  /** Whether this change also set the contact's lead status (within 24 h of the call). */
  contactUpdated: boolean;
}

export interface AgentReportRow {
  userId: string;
  name: string;
  callsMade: number;
  callsAnswered: number;
  talkSeconds: number;
  qualifiedCalls: number;
  attributedRevenueCents: number;
  /** Calls the AI suggested as qualified. */
  aiQualifiedCalls: number;
  /** Calls a person marked qualified by hand (not by accepting the AI's suggestion). */
  personQualifiedCalls: number;
  /** AI suggestions a person accepted. */
  aiAcceptedCalls: number;
}

export interface AgentReport {
  from: string;
  to: string;
  items: AgentReportRow[];
}

export interface CallSummary {
  from: string;
  to: string;
  totalCalls: number;
  inboundCalls: number;
  outboundCalls: number;
  answeredInbound: number;
  missedCalls: number;
  /** answeredInbound / (answeredInbound + missedCalls), 0..1: calls still ringing don't count; null without any. */
  answerRate: number | null;
  qualifiedCalls: number;
  revenueCents: number;
}
