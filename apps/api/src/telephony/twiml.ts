import twilio from 'twilio';

export type VoiceResponse = twilio.twiml.VoiceResponse;

/** TwiML is built with twilio's builder only. */
export function voiceResponse(): VoiceResponse {
  return new twilio.twiml.VoiceResponse();
}
