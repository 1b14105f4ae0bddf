import twilio from 'twilio';

export interface VoiceTokenInput {
  accountSid: string;
  apiKeySid: string;
  apiKeySecret: string;
  twimlAppSid: string;
  identity: string;
  ttlSeconds: number;
}

/** A Twilio AccessToken with a VoiceGrant: outgoing through the TwiML App, incoming allowed. */
export function mintVoiceToken(input: VoiceTokenInput): string {
  const token = new twilio.jwt.AccessToken(input.accountSid, input.apiKeySid, input.apiKeySecret, {
    identity: input.identity,
    ttl: input.ttlSeconds,
  });
  token.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: input.twimlAppSid, incomingAllow: true }));
  return token.toJwt();
}
