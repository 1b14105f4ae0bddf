/** AI call analysis: a recorded call → transcript → suggestions kept apart from what a person set. */
import type { LeadStatus } from './enums.js';

export const AI_STATUSES = ['pending', 'transcribing', 'analysing', 'done', 'failed'] as const;
export type AiStatus = (typeof AI_STATUSES)[number];

/** The call log's AI side: what the model suggested, never what a person decided. */
export interface CallLogAiView {
  status: AiStatus;
  /** Why the last attempt failed (also while a retry is scheduled). */
  error: string | null;
  attempts: number;
  transcript: string | null;
  summary: string | null;
  suggestedLeadStatus: LeadStatus | null;
  estimatedDealValueCents: number | null;
  keywords: string[];
  tags: string[];
  callerName: string | null;
  /** 0..1 */
  confidence: number | null;
  model: string | null;
  /** Produced by the Ring Tonic sandbox's deterministic analysis, not a real model. */
  sandbox: boolean;
  analysedAt: string | null;
  /** When a person accepted the suggestion (lead status and deal value copied to the log). */
  acceptedAt: string | null;
  acceptedBy: { userId: string; name: string } | null;
}

/** POST /workspaces/:ws/ai/test — optional overrides to try before saving. */
export interface AiConnectionTestRequest {
  openaiApiKey?: string;
  baseUrl?: string | null;
  transcriptionModel?: string;
  analysisModel?: string;
}

export interface AiConnectionTestResult {
  ok: boolean;
  /** The endpoint tried (base URL). */
  baseUrl: string;
  /** On success: whether both configured models are listed by the endpoint. */
  missingModels: string[];
  sandbox: boolean;
  /** On failure: the HTTP status (null when the endpoint could not be reached) and the exact error. */
  status: number | null;
  error: string | null;
}

export interface KeywordCount {
  keyword: string;
  count: number;
}

export interface CampaignKeywords {
  campaign: { id: string; name: string } | null;
  analysedCalls: number;
  keywords: KeywordCount[];
}

/** GET /workspaces/:ws/reports/keywords — top AI keywords per campaign for a date range. */
export interface KeywordReport {
  from: string;
  to: string;
  items: CampaignKeywords[];
}

export const DEFAULT_AI_BASE_URL = 'https://api.openai.com/v1';
