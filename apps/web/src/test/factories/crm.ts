import type { AgentReportRow, CallLogView, ContactView } from '@ringtonic/contracts';

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
    syncsContact: true,
    ...overrides,
  };
}

export function anAgentRow(overrides: Partial<AgentReportRow> = {}): AgentReportRow {
  return { userId: 'u1', name: 'Andy Agent', callsMade: 3, callsAnswered: 2, talkSeconds: 600, qualifiedCalls: 1, attributedRevenueCents: 500000, ...overrides };
}
