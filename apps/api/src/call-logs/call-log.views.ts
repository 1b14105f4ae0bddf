import type { AiStatus, CallDirection, CallLogAiView, CallLogView, CallStatus, LeadStatus } from '@ringtonic/contracts';
import { formatPhone } from '../common/phone.js';

/** A call_logs row with the names the list shows, joined in one statement (call-logs.query.ts). */
export interface CallLogRow {
  id: string;
  workspace_id: string;
  twilio_call_sid: string | null;
  direction: CallDirection;
  status: CallStatus;
  contact_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_lead_status: LeadStatus | null;
  agent_user_id: string | null;
  agent_name: string | null;
  tracking_number_id: string | null;
  tn_e164: string | null;
  tn_label: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  from_e164: string;
  to_e164: string;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  duration_seconds: number;
  recording_url: string | null;
  notes: string | null;
  tags: string[];
  lead_status: LeadStatus | null;
  deal_value_cents: string | null;
  qualified_at: Date | null;
  qualified_by_user_id: string | null;
  qualified_by_name: string | null;
  syncs_contact: boolean;
  ai_status: AiStatus | null;
  ai_error: string | null;
  ai_attempts: number;
  ai_transcript: string | null;
  ai_summary: string | null;
  ai_lead_status: LeadStatus | null;
  ai_deal_value_cents: string | null;
  ai_keywords: string[];
  ai_tags: string[];
  ai_caller_name: string | null;
  ai_confidence: number | null;
  ai_model: string | null;
  ai_sandbox: boolean;
  ai_analysed_at: Date | null;
  ai_accepted_at: Date | null;
  ai_accepted_by_user_id: string | null;
  ai_accepted_by_name: string | null;
  _sv: string;
}

function toAiView(r: CallLogRow): CallLogAiView | null {
  if (!r.ai_status) return null;
  return {
    status: r.ai_status,
    error: r.ai_error,
    attempts: r.ai_attempts,
    transcript: r.ai_transcript,
    summary: r.ai_summary,
    suggestedLeadStatus: r.ai_lead_status,
    estimatedDealValueCents: r.ai_deal_value_cents === null ? null : Number(r.ai_deal_value_cents),
    keywords: r.ai_keywords,
    tags: r.ai_tags,
    callerName: r.ai_caller_name,
    confidence: r.ai_confidence,
    model: r.ai_model,
    sandbox: r.ai_sandbox,
    analysedAt: iso(r.ai_analysed_at),
    acceptedAt: iso(r.ai_accepted_at),
    acceptedBy: r.ai_accepted_by_user_id ? { userId: r.ai_accepted_by_user_id, name: r.ai_accepted_by_name ?? 'Former member' } : null,
  };
}

/** The API's own path for a call's audio: Twilio's media URL never reaches the browser. */
export const recordingPath = (workspaceId: string, callLogId: string) => `/api/v1/workspaces/${workspaceId}/call-logs/${callLogId}/recording`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * `seesContacts`: the reader's role has contacts.view. Without it the linked CRM record (its name and
 * lead status) is left out; the numbers the call was from and to stay, being the call's own.
 */
export function toCallLogView(r: CallLogRow, country: string, seesContacts: boolean): CallLogView {
  return {
    id: r.id,
    twilioCallSid: r.twilio_call_sid,
    direction: r.direction,
    status: r.status,
    from: r.from_e164,
    fromFormatted: formatPhone(r.from_e164, country),
    to: r.to_e164,
    toFormatted: formatPhone(r.to_e164, country),
    contact:
      seesContacts && r.contact_id && r.contact_phone && r.contact_lead_status
        ? { id: r.contact_id, name: r.contact_name, phone: r.contact_phone, leadStatus: r.contact_lead_status }
        : null,
    agent: r.agent_user_id ? { userId: r.agent_user_id, name: r.agent_name ?? 'Former member' } : null,
    trackingNumber: r.tracking_number_id && r.tn_e164 ? { id: r.tracking_number_id, e164: r.tn_e164, label: r.tn_label } : null,
    campaign: r.campaign_id && r.campaign_name ? { id: r.campaign_id, name: r.campaign_name } : null,
    startedAt: r.started_at.toISOString(),
    answeredAt: iso(r.answered_at),
    endedAt: iso(r.ended_at),
    durationSeconds: r.duration_seconds,
    notes: r.notes,
    tags: r.tags,
    leadStatus: r.lead_status,
    dealValueCents: r.deal_value_cents === null ? null : Number(r.deal_value_cents),
    qualifiedAt: iso(r.qualified_at),
    qualifiedBy: r.qualified_by_user_id ? { userId: r.qualified_by_user_id, name: r.qualified_by_name ?? 'Former member' } : null,
    recordingUrl: r.recording_url ? recordingPath(r.workspace_id, r.id) : null,
    ai: toAiView(r),
    syncsContact: r.syncs_contact,
  };
}

// Joined by table name: these rows belong to other modules, read here only for display names.
export const CALL_LOG_SELECT = `
  SELECT l.id, l.workspace_id, l.twilio_call_sid, l.direction, l.status, l.contact_id, c.name AS contact_name, c.phone_e164 AS contact_phone,
    c.lead_status AS contact_lead_status, l.agent_user_id, u.name AS agent_name, l.tracking_number_id, pn.e164 AS tn_e164,
    pn.label AS tn_label, l.campaign_id, cp.name AS campaign_name, l.from_e164, l.to_e164, l.started_at, l.answered_at,
    l.ended_at, l.duration_seconds, l.recording_url, l.notes, l.tags, l.lead_status, l.deal_value_cents, l.qualified_at,
    l.qualified_by_user_id, qb.name AS qualified_by_name,
    (l.contact_id IS NOT NULL AND now() - coalesce(l.ended_at, l.started_at) <= interval '24 hours') AS syncs_contact,
    l.ai_status, l.ai_error, l.ai_attempts, l.ai_transcript, l.ai_summary, l.ai_lead_status, l.ai_deal_value_cents, l.ai_keywords,
    l.ai_tags, l.ai_caller_name, l.ai_confidence, l.ai_model, l.ai_sandbox, l.ai_analysed_at, l.ai_accepted_at,
    l.ai_accepted_by_user_id, ab.name AS ai_accepted_by_name,
    l.started_at::text AS _sv
  FROM call_logs l
  LEFT JOIN contacts c ON c.id = l.contact_id
  LEFT JOIN users u ON u.id = l.agent_user_id
  LEFT JOIN users qb ON qb.id = l.qualified_by_user_id
  LEFT JOIN users ab ON ab.id = l.ai_accepted_by_user_id
  LEFT JOIN phone_numbers pn ON pn.id = l.tracking_number_id
  LEFT JOIN campaigns cp ON cp.id = l.campaign_id`;
