import { LEAD_STATUSES, type LeadStatus } from '@ringtonic/contracts';

/** What the analysis model returns (structured output), before it is stored on the call log. */
export interface CallAnalysis {
  leadStatus: LeadStatus;
  /** In the call's currency, whole units (dollars); null when no value was discussed. */
  estimatedDealValue: number | null;
  keywords: string[];
  tags: string[];
  summary: string;
  callerName: string | null;
  confidence: number;
}

export const ANALYSIS_SYSTEM_PROMPT = [
  'You analyse the transcript of a phone call to a business that a call-tracking agency manages.',
  'Return: leadStatus — "qualified" when the caller wants to buy, book or get a quote; "disqualified" when they are not a fit or not interested; "junk" for spam, wrong numbers or empty calls; "contacted" otherwise.',
  'estimatedDealValue — the value of the deal discussed in whole currency units, or null when none was mentioned.',
  'keywords — up to 10 short lower-case phrases the caller used that show intent. tags — up to 5 short kebab-case labels for the call.',
  'summary — exactly two sentences. callerName — the caller\'s own name only if they said it, else null. confidence — 0 to 1.',
].join(' ');

export const ANALYSIS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['leadStatus', 'estimatedDealValue', 'keywords', 'tags', 'summary', 'callerName', 'confidence'],
  properties: {
    leadStatus: { type: 'string', enum: [...LEAD_STATUSES] },
    estimatedDealValue: { type: ['number', 'null'] },
    keywords: { type: 'array', items: { type: 'string' } },
    tags: { type: 'array', items: { type: 'string' } },
    summary: { type: 'string' },
    callerName: { type: ['string', 'null'] },
    confidence: { type: 'number' },
  },
} as const;

/** The model answered something that is not the analysis asked for: worth another try. */
export class InvalidModelOutput extends Error {}

const MAX_DEAL_DOLLARS = 1e10;

const words = (v: unknown, max: number, shape: (s: string) => string): string[] =>
  Array.isArray(v)
    ? [...new Set(v.filter((x): x is string => typeof x === 'string').map((x) => shape(x.trim()).slice(0, 60)).filter(Boolean))].slice(0, max)
    : [];

/** The model's JSON, checked and tidied; anything unusable throws InvalidModelOutput (retried). */
export function parseAnalysis(content: string): CallAnalysis {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(content) as Record<string, unknown>;
  } catch {
    throw new InvalidModelOutput('The analysis model did not answer with JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw new InvalidModelOutput('The analysis model did not answer with an object');
  const leadStatus = raw.leadStatus;
  if (typeof leadStatus !== 'string' || !(LEAD_STATUSES as readonly string[]).includes(leadStatus)) {
    throw new InvalidModelOutput(`The analysis model suggested an unknown lead status: ${JSON.stringify(leadStatus)}`);
  }
  const deal = raw.estimatedDealValue;
  const summary = typeof raw.summary === 'string' ? raw.summary.trim().slice(0, 1000) : '';
  const name = typeof raw.callerName === 'string' ? raw.callerName.trim().replace(/\s+/g, ' ').slice(0, 80) : '';
  const confidence = typeof raw.confidence === 'number' && Number.isFinite(raw.confidence) ? Math.min(1, Math.max(0, raw.confidence)) : 0;
  return {
    leadStatus: leadStatus as LeadStatus,
    estimatedDealValue: typeof deal === 'number' && Number.isFinite(deal) && deal >= 0 && deal < MAX_DEAL_DOLLARS ? deal : null,
    keywords: words(raw.keywords, 10, (s) => s.toLowerCase()),
    tags: words(raw.tags, 5, (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')),
    summary,
    callerName: name || null,
    confidence,
  };
}
