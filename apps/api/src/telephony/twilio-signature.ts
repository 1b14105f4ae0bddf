import twilio from 'twilio';

/**
 * Checks X-Twilio-Signature over the public URL Twilio requested (PUBLIC_URL + path and query,
 * never the Host header) and the form parameters exactly as received.
 */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: Record<string, unknown>): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params as Record<string, string>);
}

export function expectedTwilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
