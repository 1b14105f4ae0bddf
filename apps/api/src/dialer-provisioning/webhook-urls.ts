/** The webhook URLs Twilio is given, always built from PUBLIC_URL. */
export const webhookUrls = (publicUrl: string) => ({
  clientVoice: `${publicUrl}/webhooks/twilio/voice/client`,
  inboundVoice: `${publicUrl}/webhooks/twilio/voice/inbound`,
  status: `${publicUrl}/webhooks/twilio/voice/status`,
});

export const twimlAppName = (workspaceId: string) => `Ring Tonic Dialer ${workspaceId.slice(0, 8)}`;
