import {
  DEFAULT_PERMISSION_TOGGLES,
  permissionsOf,
  type CallRingingEvent,
  type CampaignView,
  type DialerCheck,
  type InvitationView,
  type MemberView,
  type MembershipView,
  type PhoneNumberView,
  type Role,
  type TwilioNumberView,
  type WorkspaceView,
} from '@ringtonic/contracts';

export function aWorkspace(overrides: Partial<WorkspaceView> = {}): WorkspaceView {
  return {
    id: 'ws1',
    name: 'Acme Plumbing',
    plan: 'indie',
    defaultCountry: 'US',
    ringTimeoutSeconds: 30,
    recordCalls: false,
    recordingAnnouncement: null,
    permissions: { ...DEFAULT_PERMISSION_TOGGLES },
    twilio: { accountSid: null, authTokenSet: false, accountType: null },
    dialer: {
      enabled: false,
      apiKeySid: null,
      apiKeySecretSet: false,
      twimlAppSid: null,
      status: 'disabled',
      statusMessage: null,
    },
    ai: {
      enabled: false,
      openaiApiKeySet: false,
      baseUrl: null,
      transcriptionModel: 'whisper-1',
      analysisModel: 'gpt-4o-mini',
    },
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aMembership(role: Role, overrides: Partial<MembershipView> = {}): MembershipView {
  return {
    workspaceId: 'ws1',
    workspaceName: 'Acme Plumbing',
    role,
    permissions: permissionsOf(role, DEFAULT_PERMISSION_TOGGLES),
    ...overrides,
  };
}

export function aMember(overrides: Partial<MemberView> = {}): MemberView {
  return {
    userId: 'u1',
    name: 'Olivia Owner',
    email: 'olivia@example.com',
    role: 'owner',
    joinedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function anInvitation(overrides: Partial<InvitationView> = {}): InvitationView {
  return {
    id: 'inv1',
    email: 'pending@example.com',
    role: 'agent',
    expiresAt: '2026-02-01T00:00:00.000Z',
    createdAt: '2026-01-25T00:00:00.000Z',
    acceptUrl: 'http://localhost:3000/invite/tok123',
    status: 'pending',
    delivery: 'outbox',
    ...overrides,
  };
}

export function aPhoneNumber(overrides: Partial<PhoneNumberView> = {}): PhoneNumberView {
  return {
    id: 'pn1',
    e164: '+14155550100',
    formatted: '(415) 555-0100',
    label: null,
    twilioSid: 'PN00000000000000000000000000000001',
    campaign: null,
    createdAt: '2026-01-03T00:00:00.000Z',
    ...overrides,
  };
}

export function aCampaign(overrides: Partial<CampaignView> = {}): CampaignView {
  return {
    id: 'c1',
    name: 'Spring mailer',
    numberCount: 0,
    createdAt: '2026-01-03T00:00:00.000Z',
    ...overrides,
  };
}

export function aTwilioNumber(overrides: Partial<TwilioNumberView> = {}): TwilioNumberView {
  return {
    sid: 'PN00000000000000000000000000000001',
    phoneNumber: '+14155550100',
    friendlyName: '(415) 555-0100',
    imported: false,
    ...overrides,
  };
}

export function aDialerCheck(overrides: Partial<DialerCheck> = {}): DialerCheck {
  return { id: 'enabled', ok: true, message: 'Dialer enabled', fix: null, ...overrides };
}

/** A call ringing for the agent, as `call.ringing` announces it (due in 30 s). */
export function aRingingCall(overrides: Partial<CallRingingEvent> = {}): CallRingingEvent {
  return {
    callId: 'call-1',
    from: '+12125550123',
    fromFormatted: '(212) 555-0123',
    callerName: 'Ada Caller',
    trackingNumber: '(415) 555-0100',
    campaign: 'Google Ads',
    ringDeadline: new Date(Date.now() + 30_000).toISOString(),
    ...overrides,
  };
}
