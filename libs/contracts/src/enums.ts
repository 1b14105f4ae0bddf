export const PLANS = ['indie', 'agency'] as const;
export type Plan = (typeof PLANS)[number];

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'junk'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const PRESENCE_STATUSES = ['online', 'away', 'dnd', 'in_call', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
export const INTENDED_STATUSES = ['online', 'away', 'dnd'] as const;
export type IntendedStatus = (typeof INTENDED_STATUSES)[number];

export const DIALER_STATUSES = ['ready', 'not_ready', 'disabled'] as const;
export type DialerStatus = (typeof DIALER_STATUSES)[number];

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const CONTACT_SOURCES = ['call', 'manual', 'import', 'api'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'UNSUPPORTED_MEDIA_TYPE',
  'FORBIDDEN',
  'API_KEY_FORBIDDEN',
  'API_KEY_EXPIRED',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'LAST_OWNER',
  'OWNER_ONLY',
  'INVITATION_EXPIRED',
  'INVITATION_REVOKED',
  'INVITATION_USED',
  'INVITATION_EMAIL_MISMATCH',
  'ALREADY_MEMBER',
  'CONTACT_EXISTS',
  'ALREADY_ANSWERED',
  'DIALER_NOT_READY',
  'DIALER_UNAVAILABLE',
  'CAMPAIGN_EXISTS',
  'TWILIO_UNREACHABLE',
  'TWILIO_REJECTED',
  'TWILIO_ACCOUNT_TAKEN',
  'INVALID_PHONE',
  'AI_NOTHING_TO_ACCEPT',
  'AI_NOT_RETRYABLE',
  'NO_RECORDING',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
