import twilio from 'twilio';

export interface WebhookUrls {
  conference: string;
  status: string;
  recording: string;
  voicemail: string;
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

/** The agent's outbound call: callerId is a tracking number, the callee rings until answered. */
export function outboundDialTwiml(input: { callerId: string; to: string; record: boolean; urls: WebhookUrls }): string {
  const r = new twilio.twiml.VoiceResponse();
  const dial = r.dial({
    callerId: input.callerId,
    answerOnBridge: true,
    ...(input.record ? { record: 'record-from-answer' as const, recordingStatusCallback: input.urls.recording } : {}),
  });
  dial.number(
    { statusCallback: input.urls.status, statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'] },
    input.to,
  );
  return r.toString();
}

export function emptyTwiml(): string {
  return new twilio.twiml.VoiceResponse().toString();
}
