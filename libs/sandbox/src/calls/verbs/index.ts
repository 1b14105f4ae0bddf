import type { VerbHandler } from '../runner.js';
import { hangupVerb, pauseVerb, playVerb, redirectVerb, rejectVerb, sayVerb } from './basic.js';
import { dialVerb } from './dial.js';
import { gatherVerb } from './gather.js';
import { recordVerb } from './record.js';

export const VERBS: Record<string, VerbHandler> = {
  Say: sayVerb,
  Play: playVerb,
  Pause: pauseVerb,
  Hangup: hangupVerb,
  Reject: rejectVerb,
  Redirect: redirectVerb,
  Gather: gatherVerb,
  Record: recordVerb,
  Dial: dialVerb,
};
