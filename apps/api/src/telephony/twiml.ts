import twilio from 'twilio';

export interface WebhookUrls {
  conference: string;
  status: string;
  recording: string;
  voicemail: string;
  /** Consent whisper for an outbound callee; the workspace is named, never the announcement text. */
  whisper: (workspaceId: string) => string;
}

const VOICE = { voice: 'Polly.Joanna' as const };

/**
 * The caller waits in its own conference, hearing ringback, until an agent joins (DESIGN §3).
 * A recorded call first tells the caller so (the workspace's consent announcement).
 */
export function parkCallerTwiml(conference: string, urls: WebhookUrls, announcement: string | null = null): string {
  const r = new twilio.twiml.VoiceResponse();
  if (announcement) r.say(VOICE, announcement);
  r.dial().conference(
    {
      startConferenceOnEnter: false,
      endConferenceOnExit: true,
      beep: 'false',
      statusCallback: urls.conference,
      statusCallbackEvent: ['start', 'end', 'join', 'leave'],
    },
    conference,
  );
  return r.toString();
}

/**
 * The answering agent's leg: joining starts the conference and bridges the caller. Conference
 * recording callbacks carry no CallSid, so their URL names the call log.
 */
export function joinConferenceTwiml(conference: string, urls: WebhookUrls, record: { callLogId: string } | null): string {
  const r = new twilio.twiml.VoiceResponse();
  r.dial().conference(
    {
      startConferenceOnEnter: true,
      endConferenceOnExit: true,
      beep: 'false',
      ...(record ? { record: 'record-from-start' as const, recordingStatusCallback: `${urls.recording}?callLogId=${record.callLogId}` } : {}),
    },
    conference,
  );
  return r.toString();
}

/** Greeting, then a recorded message (stored on the call log). */
export function voicemailTwiml(urls: WebhookUrls, greeting = 'Sorry, nobody can take your call right now. Please leave a message after the tone.'): string {
  const r = new twilio.twiml.VoiceResponse();
  r.say(VOICE, greeting);
  r.record({ maxLength: 180, playBeep: true, action: urls.voicemail, recordingStatusCallback: urls.recording, recordingStatusCallbackEvent: ['completed'] });
  r.say(VOICE, 'We did not receive a message. Goodbye.');
  r.hangup();
  return r.toString();
}

/** A polite refusal spoken to whoever called, then hang up (no <Reject> for device legs). */
export function sayAndHangupTwiml(message: string): string {
  const r = new twilio.twiml.VoiceResponse();
  r.say(VOICE, message);
  r.hangup();
  return r.toString();
}

/**
 * The agent's outbound call: callerId is a tracking number, the callee rings until answered. A
 * recorded call with a consent announcement (`whisperFor` = the workspace) first runs the whisper
 * URL on the callee's leg once they pick up, so they hear it before being bridged (§3.1 <Number url>).
 */
export function outboundDialTwiml(input: { callerId: string; to: string; record: boolean; urls: WebhookUrls; whisperFor?: string | null }): string {
  const r = new twilio.twiml.VoiceResponse();
  const dial = r.dial({
    callerId: input.callerId,
    answerOnBridge: true,
    ...(input.record ? { record: 'record-from-answer' as const, recordingStatusCallback: input.urls.recording } : {}),
  });
  const whisper = input.record && input.whisperFor ? { url: input.urls.whisper(input.whisperFor), method: 'POST' as const } : {};
  dial.number(
    { ...whisper, statusCallback: input.urls.status, statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'] },
    input.to,
  );
  return r.toString();
}

/** What an outbound callee hears before being bridged: the consent announcement, or nothing. */
export function whisperTwiml(announcement: string | null): string {
  const r = new twilio.twiml.VoiceResponse();
  if (announcement) r.say(VOICE, announcement);
  return r.toString();
}

export function emptyTwiml(): string {
  return new twilio.twiml.VoiceResponse().toString();
}
