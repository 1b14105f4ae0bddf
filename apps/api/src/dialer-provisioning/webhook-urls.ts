/** The webhook URLs Twilio is given, always built from PUBLIC_URL. */
export const webhookUrls = (publicUrl: string) => ({
  clientVoice: `${publicUrl}/webhooks/twilio/voice/client`,
  inboundVoice: `${publicUrl}/webhooks/twilio/voice/inbound`,
  status: `${publicUrl}/webhooks/twilio/voice/status`,
});

export const twimlAppName = (workspaceId: string) => `Ring Tonic Dialer ${workspaceId.slice(0, 8)}`;

/** What a tracking number is updated with: our inbound and status webhooks, no TwiML App. */
export const numberWebhooks = (publicUrl: string) => {
  const urls = webhookUrls(publicUrl);
  return { voiceUrl: urls.inboundVoice, voiceMethod: 'POST', statusCallback: urls.status, statusCallbackMethod: 'POST', voiceApplicationSid: '' };
};

/** Whether a number (as Twilio lists it) already reaches our webhooks. */
export const pointsAtUs = (
  n: { voiceUrl: string; voiceMethod: string; statusCallback: string; voiceApplicationSid: string | null; trunkSid: string | null },
  wanted: ReturnType<typeof numberWebhooks>,
) =>
  n.voiceUrl === wanted.voiceUrl && n.voiceMethod.toUpperCase() === 'POST' && n.statusCallback === wanted.statusCallback && !n.voiceApplicationSid && !n.trunkSid;
