/** Twilio error codes an agent can act on, in plain words (TWILIO.md §5.4). */
const MESSAGES: Record<number, string> = {
  31401: 'Microphone blocked. Allow microphone access for this site in your browser, then try again.',
  31402: 'No microphone found, or another app is using it.',
  20101: 'Your voice session is invalid. Reload the page to sign in to the dialer again.',
  20104: 'Your voice session expired. Reload the page to reconnect the dialer.',
  31204: 'Your voice session is invalid. Reload the page to sign in to the dialer again.',
  31205: 'Your voice session expired. Reload the page to reconnect the dialer.',
  31005: 'Lost the connection to the voice service. Check your network.',
  31009: 'No connection to the voice service. Check your network.',
  53000: 'Lost the connection to the voice service. Check your network.',
};

export function voiceErrorMessage(code: number | undefined, fallback: string): string {
  return (code !== undefined && MESSAGES[code]) || fallback || 'The call failed.';
}
