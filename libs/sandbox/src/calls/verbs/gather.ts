import { attr, boolAttr, numberAttr } from '../../twiml/parse.js';
import { CONTINUE, STOP, type Next, type VerbContext } from '../runner.js';
import { sleep } from '../wait.js';

// <Gather>: nested Say/Play/Pause prompt (interrupted by input), then digits or speech
// (a `say` from the pretend phone) until finishOnKey, numDigits or the timeout.
export async function gatherVerb(ctx: VerbContext): Promise<Next> {
  const { call, verb, signal, engine, runner } = ctx;
  engine.answer(call);
  const input = attr(verb, 'input', 'dtmf').split(/\s+/);
  const finishOnKey = verb.attrs.finishOnKey ?? '#';
  const numDigits = numberAttr(verb, 'numDigits', Infinity);
  const timeoutMs = engine.seconds(numberAttr(verb, 'timeout', 5));
  let digits = '';
  let finishedOnKey = '';
  let speech = '';
  let done = false;
  const heard = new AbortController();
  const onAbort = () => heard.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  let lastInput = Date.now();
  const onDigits = (pressed: string) => {
    if (!input.includes('dtmf') || done) return;
    heard.abort();
    lastInput = Date.now();
    for (const d of pressed) {
      if (done) break;
      if (finishOnKey && d === finishOnKey) {
        finishedOnKey = d;
        done = true;
      } else {
        digits += d;
        if (digits.length >= numDigits) done = true;
      }
    }
  };
  const onSay = (text: string) => {
    if (!input.includes('speech') || done) return;
    heard.abort();
    speech = text;
    done = true;
  };
  call.on('digits', onDigits);
  call.on('say', onSay);
  try {
    const prompt = verb.children.filter((c) => ['Say', 'Play', 'Pause'].includes(c.name));
    await runner.execute(call, prompt, heard.signal);
    while (!done && !signal.aborted && !call.isEnded) {
      const waitMs = lastInput + timeoutMs - Date.now();
      if (waitMs <= 0) break;
      await sleep(Math.min(waitMs, 5), signal);
    }
  } finally {
    call.off('digits', onDigits);
    call.off('say', onSay);
    signal.removeEventListener('abort', onAbort);
  }
  if (signal.aborted || call.isEnded) return STOP;
  const empty = !digits && !speech;
  if (empty && !boolAttr(verb, 'actionOnEmptyResult', false)) return CONTINUE;
  const params: Record<string, string> = speech
    ? { SpeechResult: speech, Confidence: '0.9' }
    : { Digits: digits, ...(finishedOnKey ? { FinishedOnKey: finishedOnKey } : {}) };
  return {
    kind: 'fetch',
    url: verb.attrs.action || call.documentUrl || '',
    method: attr(verb, 'method', 'POST'),
    params,
  };
}
