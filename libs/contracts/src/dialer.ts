/** Dialer setup, tracking numbers and campaigns (dialer-provisioning and tokens modules). */

export interface CampaignView {
  id: string;
  name: string;
  numberCount: number;
  createdAt: string;
}

export interface PhoneNumberView {
  id: string;
  e164: string;
  /** For display, e.g. "(415) 555-0100". */
  formatted: string;
  label: string | null;
  twilioSid: string;
  campaign: { id: string; name: string } | null;
  createdAt: string;
}

/** A number in the workspace's Twilio account, importable as a tracking number. */
export interface TwilioNumberView {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  imported: boolean;
}

export interface ImportNumbersResponse {
  items: PhoneNumberView[];
  failed: Array<{ sid: string; message: string }>;
}

export const DIALER_CHECK_IDS = ['role', 'plan', 'enabled', 'credentials', 'api_key', 'twiml_app', 'tracking_numbers', 'trial_account'] as const;
export type DialerCheckId = (typeof DIALER_CHECK_IDS)[number];

export interface DialerCheck {
  id: DialerCheckId;
  ok: boolean;
  message: string;
  /** What to do about it, in the seed's words; null when ok. */
  fix: string | null;
}

export interface DialerHealth {
  ready: boolean;
  checks: DialerCheck[];
}

export const DIALER_UNAVAILABLE_REASONS = [
  'ROLE_NOT_ALLOWED',
  'PLAN_NOT_AGENCY',
  'DIALER_DISABLED',
  'TWILIO_CREDENTIALS_MISSING',
  'API_KEY_MISSING',
  'DIALER_NOT_READY',
  'NO_TRACKING_NUMBERS',
] as const;
export type DialerUnavailableReason = (typeof DIALER_UNAVAILABLE_REASONS)[number];

export interface CallerIdOption {
  id: string;
  e164: string;
  label: string | null;
  campaignName: string | null;
}

export interface DialerAvailability {
  available: boolean;
  reasons: DialerUnavailableReason[];
  provider: 'twilio' | 'sandbox';
  callerIds: CallerIdOption[];
  /** How often the browser sends `presence.heartbeat` (the server's HEARTBEAT_SECONDS). */
  heartbeatSeconds: number;
  /** Idle seconds before the browser sets the agent away (the server's AUTO_AWAY_SECONDS). */
  autoAwaySeconds: number;
}

export interface VoiceTokenResponse {
  token: string;
  identity: string;
  expiresAt: string;
  provider: 'twilio' | 'sandbox';
  /** Where a SandboxDevice connects (sandbox provider only). */
  sandboxUrl?: string;
}
