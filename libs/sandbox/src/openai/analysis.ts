import { largestAmount } from './numbers.js';

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'junk'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

// What the sandbox's pretend model concludes from a call transcript.
export interface CallAnalysis {
  leadStatus: LeadStatus;
  estimatedDealValue: number | null;
  keywords: string[];
  tags: string[];
  summary: string;
  callerName: string | null;
  confidence: number;
}

type Intent = 'junk' | 'disqualify' | 'buy' | 'none';

interface Phrase {
  phrase: string;
  intent: Intent;
  tag?: string;
}

// Intent phrases; where one contains another ("ready to buy" / "buy"), the longer one wins.
const PHRASES: Phrase[] = [
  { phrase: 'wrong number', intent: 'junk', tag: 'wrong-number' },
  { phrase: 'spam', intent: 'junk', tag: 'spam' },
  { phrase: 'robocall', intent: 'junk', tag: 'spam' },
  { phrase: 'not interested', intent: 'disqualify', tag: 'not-interested' },
  { phrase: 'no thanks', intent: 'disqualify', tag: 'not-interested' },
  { phrase: 'no thank you', intent: 'disqualify', tag: 'not-interested' },
  { phrase: 'too expensive', intent: 'disqualify', tag: 'price-objection' },
  { phrase: "don't call", intent: 'disqualify', tag: 'do-not-call' },
  { phrase: 'do not call', intent: 'disqualify', tag: 'do-not-call' },
  { phrase: 'stop calling', intent: 'disqualify', tag: 'do-not-call' },
  { phrase: 'ready to buy', intent: 'buy', tag: 'hot-lead' },
  { phrase: 'buy', intent: 'buy' },
  { phrase: 'purchase', intent: 'buy' },
  { phrase: 'sign up', intent: 'buy' },
  { phrase: 'quote', intent: 'buy', tag: 'quote-request' },
  { phrase: 'pricing', intent: 'buy', tag: 'quote-request' },
  { phrase: 'estimate', intent: 'none', tag: 'quote-request' },
  { phrase: 'book', intent: 'buy', tag: 'appointment-request' },
  { phrase: 'schedule', intent: 'buy', tag: 'appointment-request' },
  { phrase: 'interested', intent: 'buy' },
  { phrase: 'this month', intent: 'none', tag: 'hot-lead' },
  { phrase: 'asap', intent: 'none', tag: 'hot-lead' },
  { phrase: 'as soon as possible', intent: 'none', tag: 'hot-lead' },
  { phrase: 'today', intent: 'none', tag: 'hot-lead' },
  { phrase: 'call me back', intent: 'none', tag: 'callback-requested' },
];
const BY_LENGTH = [...PHRASES].sort((a, b) => b.phrase.length - a.phrase.length);

interface Hit extends Phrase {
  at: number;
}

// Phrase hits in order of appearance; a span already taken by a longer phrase is not matched again.
function findPhrases(text: string): Hit[] {
  const taken: Array<[number, number]> = [];
  const hits: Hit[] = [];
  for (const p of BY_LENGTH) {
    const re = new RegExp(`(?<![a-z'])${p.phrase.replace(/ /g, '\\s+')}(?![a-z'])`, 'g');
    for (const m of text.matchAll(re)) {
      const [from, to] = [m.index, m.index + m[0].length];
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      taken.push([from, to]);
      hits.push({ ...p, at: from });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

// "my name is Dana Reyes" / "this is Dana" / "I'm Dana Reyes": one or two capitalised words.
const NAME = /(?:\b[Mm]y name is|\b[Tt]his is|\bI'm|\bI am)\s+([A-Z][a-zA-Z'-]+)(?:\s+([A-Z][a-zA-Z'-]+))?/;

export function callerNameOf(transcript: string): string | null {
  const m = NAME.exec(transcript.replace(/[’‘]/g, "'"));
  return m ? [m[1], m[2]].filter(Boolean).join(' ') : null;
}

const unique = (items: string[]) => [...new Set(items)];
const dollars = (value: number) => `$${value.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

const STATUS_PHRASES: Record<LeadStatus, string> = {
  new: 'is a new lead',
  contacted: 'was contacted but showed no clear buying intent',
  qualified: 'is a qualified lead',
  disqualified: 'is not interested in buying',
  junk: 'was not a genuine lead',
};

function nextStep(status: LeadStatus, tags: string[]): string {
  if (status === 'junk' || status === 'disqualified') return 'No follow-up is needed.';
  if (tags.includes('callback-requested')) return 'Next step: call them back.';
  if (status === 'qualified' && tags.includes('hot-lead')) return 'Next step: follow up today while they are ready to buy.';
  if (status === 'qualified') return 'Next step: send the requested details and follow up.';
  return 'Next step: follow up to learn what they need.';
}

// Two sentences: who and what (with the amount), then the next step. No other full stops.
function summarise(a: Omit<CallAnalysis, 'summary' | 'confidence'>, empty: boolean): string {
  if (empty) return 'The call had no speech to transcribe. No follow-up is needed.';
  const who = a.callerName ?? 'The caller';
  const said = a.keywords.length ? ` (${a.keywords.join(', ')})` : '';
  const value = a.estimatedDealValue !== null ? `, with an estimated deal value of ${dollars(a.estimatedDealValue)}` : '';
  return `${who} ${STATUS_PHRASES[a.leadStatus]}${said}${value}. ${nextStep(a.leadStatus, a.tags)}`;
}

// The sandbox's deterministic stand-in for a model reading a call transcript.
export function analyseTranscript(transcript: string): CallAnalysis {
  const text = transcript.toLowerCase().replace(/[’‘]/g, "'");
  const empty = text.trim() === '';
  const hits = findPhrases(text);
  const has = (intent: Intent) => hits.some((h) => h.intent === intent);
  const leadStatus: LeadStatus = empty || has('junk') ? 'junk' : has('disqualify') ? 'disqualified' : has('buy') ? 'qualified' : 'contacted';
  const base = {
    leadStatus,
    estimatedDealValue: largestAmount(transcript),
    keywords: unique(hits.map((h) => h.phrase)),
    // "today" in "not interested today" does not make a hot lead.
    tags: unique(hits.flatMap((h) => (h.tag ? [h.tag] : []))).filter((t) => t !== 'hot-lead' || leadStatus === 'qualified' || leadStatus === 'contacted'),
    callerName: callerNameOf(transcript),
  };
  const confidence = empty ? 0.3 : leadStatus === 'qualified' && base.estimatedDealValue !== null ? 0.9 : 0.6;
  return { ...base, summary: summarise(base, empty), confidence };
}
