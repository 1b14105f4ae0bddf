import type { AgentReportRow, CallLogAiView, CallLogView, ContactView, KeywordReport } from '@ringtonic/contracts';

export function aContact(overrides: Partial<ContactView> = {}): ContactView {
  return {
    id: 'c1',
    phone: '+12125551234',
    phoneFormatted: '(212) 555-1234',
    name: 'John Doe',
    email: 'john@example.com',
    company: 'Acme',
    notes: null,
    leadStatus: 'new',
    dealValueCents: null,
    tags: [],
    nextFollowUpAt: null,
    source: 'manual',
    callCount: 0,
    lastContactAt: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

export function aCallLogView(overrides: Partial<CallLogView> = {}): CallLogView {
  return {
    id: 'call1',
    twilioCallSid: 'CA1',
    direction: 'outbound',
    status: 'completed',
    from: '+14155550100',
    fromFormatted: '(415) 555-0100',
    to: '+12125551234',
    toFormatted: '(212) 555-1234',
    contact: { id: 'c1', name: 'John Doe', phone: '+12125551234', leadStatus: 'new' },
    agent: { userId: 'u1', name: 'Andy Agent' },
    trackingNumber: null,
    campaign: null,
    startedAt: '2026-01-05T10:00:00.000Z',
    answeredAt: '2026-01-05T10:00:05.000Z',
    endedAt: '2026-01-05T10:02:05.000Z',
    durationSeconds: 120,
    notes: null,
    tags: [],
    leadStatus: null,
    dealValueCents: null,
    qualifiedAt: null,
    qualifiedBy: null,
    recordingUrl: null,
    ai: null,
    syncsContact: true,
    ...overrides,
  };
}

export function anAgentRow(overrides: Partial<AgentReportRow> = {}): AgentReportRow {
  return {
    userId: 'u1',
    name: 'Andy Agent',
    callsMade: 3,
    callsAnswered: 2,
    talkSeconds: 600,
    qualifiedCalls: 1,
    attributedRevenueCents: 500000,
    aiQualifiedCalls: 2,
    personQualifiedCalls: 1,
    aiAcceptedCalls: 1,
    ...overrides,
  };
}

/** A finished analysis of a sandbox recording, not yet accepted. */
export function aCallLogAi(overrides: Partial<CallLogAiView> = {}): CallLogAiView {
  return {
    status: 'done',
    error: null,
    attempts: 1,
    transcript: 'Hi, my name is Dana Reyes, we need a quote for about five thousand dollars.',
    summary: 'Dana Reyes wants a quote for about $5,000 and is ready to buy this month.',
    suggestedLeadStatus: 'qualified',
    estimatedDealValueCents: 500000,
    keywords: ['quote', 'ready to buy'],
    tags: ['hot-lead'],
    callerName: 'Dana Reyes',
    confidence: 0.82,
    model: 'gpt-4o-mini',
    sandbox: true,
    analysedAt: '2026-01-05T10:03:00.000Z',
    acceptedAt: null,
    acceptedBy: null,
    ...overrides,
  };
}

export function aKeywordReport(overrides: Partial<KeywordReport> = {}): KeywordReport {
  return {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-08T00:00:00.000Z',
    items: [
      { campaign: { id: 'cp1', name: 'Google Ads' }, analysedCalls: 4, keywords: [{ keyword: 'quote', count: 3 }, { keyword: 'roof', count: 2 }] },
      { campaign: null, analysedCalls: 1, keywords: [{ keyword: 'invoice', count: 1 }] },
    ],
    ...overrides,
  };
}
