import { attr, numberAttr } from '../../twiml/parse.js';
import { abortReason } from '../live-call.js';
import { finishRecording, recordingCallback, recordingParams, startRecording } from '../recordings.js';
import { CONTINUE, STOP, type Next, type VerbContext } from '../runner.js';
import { sleep } from '../wait.js';

// <Record>: records until a finishOnKey digit, the caller hangs up, maxLength, or `timeout`
// seconds without a line said. Lines said meanwhile become the recording's transcript.
export async function recordVerb({ call, verb, signal, engine }: VerbContext): Promise<Next> {
  engine.answer(call);
  const finishOnKey = verb.attrs.finishOnKey ?? '1234567890*#';
  const timeoutMs = engine.seconds(numberAttr(verb, 'timeout', 5));
  const maxMs = engine.seconds(numberAttr(verb, 'maxLength', 3600));
  const trim = attr(verb, 'trim', 'trim-silence') !== 'do-not-trim';
  const active = startRecording(engine, {
    call, alsoHear: [], source: 'RecordVerb', channels: 1, callback: recordingCallback(verb.attrs), conferenceSid: null,
  });
  let digits = '';
  let lastSound = active.startedAt;
  const onDigits = (pressed: string) => {
    const key = [...pressed].find((d) => finishOnKey.includes(d));
    if (key && !digits) digits = key;
  };
  const onSay = () => (lastSound = Date.now());
  call.on('digits', onDigits);
  call.on('say', onSay);
  try {
    while (!digits && !signal.aborted && !call.isEnded) {
      const now = Date.now();
      if (now - active.startedAt >= maxMs) break;
      if (timeoutMs > 0 && now - lastSound >= timeoutMs) break;
      await sleep(5, signal);
    }
  } finally {
    call.off('digits', onDigits);
    call.off('say', onSay);
  }
  const reason = abortReason(signal);
  if (reason === 'redirect') return STOP;
  const hungUp = reason === 'hangup' || call.isEnded;
  const rec = finishRecording(engine, active, trim);
  if (!rec) return hungUp ? STOP : CONTINUE; // an empty recording skips the action request
  const action = verb.attrs.action || call.documentUrl || '';
  const method = attr(verb, 'method', 'POST');
  const params = { ...recordingParams(engine, rec), Digits: hungUp ? 'hangup' : digits };
  if (hungUp) {
    if (action) void engine.request(call, action, method, params, 'record-action');
    return STOP;
  }
  return { kind: 'fetch', url: action, method, params };
}
