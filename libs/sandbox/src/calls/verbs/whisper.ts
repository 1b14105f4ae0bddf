import { attr, parseTwiml, TwimlParseError, type TwimlNode } from '../../twiml/parse.js';
import type { LiveCall } from '../live-call.js';
import type { Next, VerbContext } from '../runner.js';

// Verbs a whisper document may use; <Dial> (and anything that connects elsewhere) is not allowed.
const FORBIDDEN = new Set(['Dial', 'Enqueue', 'Connect', 'Leave']);

/**
 * A <Number url>/<Client url> whisper (§3.1): once the dialled leg answers, Twilio fetches `url`
 * with that leg's parameters (its own CallSid, ParentCallSid, Direction outbound-dial,
 * CallStatus in-progress) and runs the TwiML on the callee only, before bridging. The caller keeps
 * hearing ringing (answerOnBridge) or silence. Resolves true when the leg is still up and may be
 * bridged; false when the whisper hung it up, failed, or `signal` (another leg won, the caller
 * left) stopped it.
 */
export async function runWhisper(ctx: VerbContext, leg: LiveCall, noun: TwimlNode, signal: AbortSignal): Promise<boolean> {
  const { call, engine, runner } = ctx;
  const both = AbortSignal.any([signal, leg.signal]);
  const live = () => !both.aborted && !leg.isEnded;
  let next: Next = { kind: 'fetch', url: engine.resolveUrl(call, noun.attrs.url!), method: attr(noun, 'method', 'POST') };
  engine.event(leg, 'whisper', { url: next.url });
  for (;;) {
    let xml: string;
    if (next.kind === 'fetch') {
      const fetched = await runner.fetchDocument(leg, next, both, 'whisper');
      if (fetched === null) return false;
      xml = fetched;
    } else if (next.kind === 'twiml') {
      xml = next.twiml;
    } else {
      break;
    }
    if (!live()) return false;
    let verbs: TwimlNode[];
    try {
      verbs = parseTwiml(xml);
    } catch (err) {
      runner.applicationError(leg, 12100, err instanceof TwimlParseError ? err.message : String(err));
      return false;
    }
    const allowed = verbs.filter((v) => {
      if (!FORBIDDEN.has(v.name)) return true;
      engine.event(leg, 'warning', { message: `<${v.name}> is not allowed in a whisper and was skipped` });
      return false;
    });
    next = await runner.execute(leg, allowed, both);
    if (next.kind === 'continue' || next.kind === 'stop') break;
  }
  return live();
}
