/** Twilio error codes an agent can act on, in plain words (TWILIO.md §5.4). */
const SESSION_INVALID = 'Your voice session is not valid. Reconnecting the dialer… If this keeps happening, reload the page.';
const SESSION_EXPIRED = 'Your voice session expired. Reconnecting the dialer…';
const NETWORK_LOST = 'Lost the connection to the voice service. Check your network.';

const MESSAGES: Record<number, string> = {
  20101: SESSION_INVALID,
  20104: SESSION_EXPIRED,
  20151: SESSION_INVALID,
  31000: 'Something went wrong with the call. Try again.',
  31005: NETWORK_LOST,
  31008: 'The call was cancelled.',
  31009: 'No connection to the voice service. Check your network.',
  31201: SESSION_INVALID,
  31202: SESSION_INVALID,
  31203: SESSION_INVALID,
  31204: SESSION_INVALID,
  31205: SESSION_EXPIRED,
  31206: SESSION_INVALID,
  31207: SESSION_INVALID,
  31208: 'Microphone blocked. Allow microphone access for this site in your browser, then try again.',
  31209: SESSION_INVALID,
  31401: 'Microphone blocked. Allow microphone access for this site in your browser, then try again.',
  31402: 'No microphone found, or another app is using it.',
  31480: 'The number is temporarily unavailable.',
  31486: 'The line is busy.',
  31603: 'The call was declined.',
  53000: NETWORK_LOST,
  53001: NETWORK_LOST,
  53405: 'The call audio could not connect. Check your network or firewall, then try again.',
};

/** Token problems: the session fetches a new token instead of asking the agent to reload. */
const TOKEN_ERRORS = new Set([20101, 20104, 20151, 31201, 31202, 31203, 31204, 31205, 31206, 31207, 31209]);

export function voiceErrorMessage(code: number | undefined, fallback: string): string {
  return (code !== undefined && MESSAGES[code]) || fallback || 'The call failed.';
}

export function isTokenError(code: number | undefined): boolean {
  return code !== undefined && TOKEN_ERRORS.has(code);
}

/** Shown when new voice tokens keep being rejected and the dialer stops fetching more. */
export const TOKEN_GAVE_UP_MESSAGE =
  'The voice service keeps refusing this browser. Check that this computer’s date and time are right, then reload the page. If it still fails, ask an admin to check the Twilio settings.';
