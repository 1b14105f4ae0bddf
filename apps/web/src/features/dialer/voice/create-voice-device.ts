import type { VoiceTokenResponse } from '@ringtonic/contracts';
import { SandboxDevice } from './sandbox-device';
import type { VoiceDevice } from './voice-device';

/** Picks the implementation from the token response's provider; Twilio's SDK loads only when needed. */
export async function createVoiceDevice(token: VoiceTokenResponse, onError: (message: string, code?: number) => void): Promise<VoiceDevice> {
  if (token.provider === 'sandbox') {
    if (!token.sandboxUrl) throw new Error('The voice token has no sandbox address.');
    return new SandboxDevice(token.sandboxUrl, token.token);
  }
  const { createTwilioVoiceDevice } = await import('./twilio-voice-device');
  return createTwilioVoiceDevice(token.token, onError);
}
