import type { CallEngine } from './engine.js';
import type { LiveCall } from './live-call.js';
import { sleep, whenAborted } from './wait.js';

export type RingOutcome = 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';

// Browser devices, as the calls engine sees them (implemented by the device hub).
export interface DeviceDirectory {
  // Offers `leg` to every device registered as `identity`; resolves with the first answer.
  ring(leg: LiveCall, identity: string, customParameters: Record<string, string>, signal: AbortSignal): Promise<RingOutcome>;
}

// Rings an outbound leg (initiated → ringing → outcome) within timeoutMs; `cancel` aborts
// it (another leg answered, or the caller went away).
export async function ringLeg(
  engine: CallEngine,
  leg: LiveCall,
  opts: { timeoutMs: number; cancel: AbortSignal; devices: DeviceDirectory | null; customParameters?: Record<string, string> },
): Promise<RingOutcome> {
  engine.initiated(leg);
  if (!(await sleep(1, opts.cancel))) return 'canceled';
  engine.setStatus(leg, 'ringing');
  const { endpoint } = leg;
  const timeout = AbortSignal.timeout(Math.max(1, opts.timeoutMs));
  const both = AbortSignal.any([opts.cancel, timeout]);
  const settle = (outcome: RingOutcome): RingOutcome => (opts.cancel.aborted ? 'canceled' : outcome);
  if (endpoint.kind === 'client') {
    if (!opts.devices) return 'no-answer';
    const outcome = await opts.devices.ring(leg, endpoint.identity, opts.customParameters ?? {}, both);
    return outcome === 'canceled' ? settle(timeout.aborted ? 'no-answer' : 'canceled') : outcome;
  }
  // The pretend phone follows its configured behaviour unless the console answers or declines first.
  const manual = new Promise<RingOutcome>((resolve) => leg.once('remote', (o: RingOutcome) => resolve(o)));
  const stopAuto = new AbortController();
  const autoSignal = AbortSignal.any([opts.cancel, stopAuto.signal]);
  const auto = phoneOutcome(engine, endpoint.e164, opts.timeoutMs, autoSignal);
  const outcome = settle(await Promise.race([auto, manual, whenAborted(opts.cancel).then((): RingOutcome => 'canceled')]));
  stopAuto.abort();
  const phone = engine.store.phoneBehaviour(endpoint.e164);
  if (outcome === 'answered' && phone.hangupAfterMs !== null) {
    const hangupAfterMs = phone.hangupAfterMs;
    leg.once('answered', () => {
      setTimeout(() => engine.hangup(leg), hangupAfterMs).unref();
    });
  }
  return outcome;
}

async function phoneOutcome(engine: CallEngine, e164: string, timeoutMs: number, signal: AbortSignal): Promise<RingOutcome> {
  const phone = engine.store.phoneBehaviour(e164);
  const wait = async (ms: number, outcome: RingOutcome): Promise<RingOutcome> => ((await sleep(ms, signal)) ? outcome : 'canceled');
  if (phone.answer === 'fail') return wait(Math.min(phone.afterMs, 5), 'failed');
  if (phone.answer === 'no-answer' || phone.afterMs >= timeoutMs) return wait(timeoutMs, 'no-answer');
  return wait(phone.afterMs, phone.answer === 'busy' ? 'busy' : 'answered');
}

// Applies a ring outcome to the leg's status.
export function settleLeg(engine: CallEngine, leg: LiveCall, outcome: RingOutcome): void {
  if (outcome === 'answered') engine.answer(leg);
  else engine.setStatus(leg, outcome);
}
