import { attr, numberAttr } from '../../twiml/parse.js';
import { CONTINUE, STOP, type Next, type VerbContext } from '../runner.js';
import { sleep, whenAborted } from '../wait.js';

// How long a <Say> lasts in TwiML seconds: about three words a second.
function sayingSeconds(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 3));
}

async function playFor(ctx: VerbContext, secondsPerLoop: number): Promise<Next> {
  const { verb, signal, engine, call } = ctx;
  engine.answer(call);
  const loop = numberAttr(verb, 'loop', 1);
  if (loop === 0) {
    await whenAborted(signal); // loop="0" plays until something interrupts the call
    return STOP;
  }
  const done = await sleep(engine.seconds(secondsPerLoop * Math.max(1, loop)), signal);
  return done ? CONTINUE : STOP;
}

export async function sayVerb(ctx: VerbContext): Promise<Next> {
  return playFor(ctx, sayingSeconds(ctx.verb.text));
}

export async function playVerb(ctx: VerbContext): Promise<Next> {
  return playFor(ctx, 1);
}

export async function pauseVerb(ctx: VerbContext): Promise<Next> {
  const { verb, signal, engine } = ctx;
  // A leading <Pause> delays answering; elsewhere it is silence on an answered call.
  const done = await sleep(engine.seconds(numberAttr(verb, 'length', 1)), signal);
  return done ? CONTINUE : STOP;
}

export async function hangupVerb({ call, engine }: VerbContext): Promise<Next> {
  engine.answer(call);
  engine.hangup(call, 'completed');
  return STOP;
}

export async function rejectVerb({ call, verb, engine }: VerbContext): Promise<Next> {
  const reason = attr(verb, 'reason', 'rejected');
  engine.event(call, 'rejected', { reason });
  if (call.isAnswered) engine.hangup(call);
  else engine.setStatus(call, reason === 'busy' ? 'busy' : 'no-answer');
  return STOP;
}

export async function redirectVerb({ verb }: VerbContext): Promise<Next> {
  if (!verb.text) return CONTINUE;
  return { kind: 'fetch', url: verb.text, method: attr(verb, 'method', 'POST') };
}
