export const TELEPHONY_OPTIONS = Symbol('TELEPHONY_OPTIONS');

export interface TelephonyOptions {
  /** Base URL of the local Twilio sandbox; null talks to the real Twilio. */
  sandboxUrl: string | null;
}
