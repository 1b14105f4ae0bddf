import type { WebhookUrls } from '../telephony/twiml.js';

export const routingUrls = (publicUrl: string): WebhookUrls => ({
  conference: `${publicUrl}/webhooks/twilio/voice/conference`,
  status: `${publicUrl}/webhooks/twilio/voice/status`,
  recording: `${publicUrl}/webhooks/twilio/voice/recording`,
  voicemail: `${publicUrl}/webhooks/twilio/voice/voicemail`,
  whisper: (workspaceId) => `${publicUrl}/webhooks/twilio/voice/whisper?workspaceId=${encodeURIComponent(workspaceId)}`,
});
