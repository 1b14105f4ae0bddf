// One ringer among the tabs of one browser: the tab holding a Web Lock rings. The lock is released
// when the tab stops wanting it, navigates, closes or crashes, and the next queued tab takes over.
// A tab nearer the agent (focused > visible > hidden) steals the lock from the holder, so the ring
// and the "Enable sound" prompt are where the agent is. Tabs tell each other their rank over a
// BroadcastChannel; an equal rank never steals, so two visible windows cannot ping-pong. Each grant
// numbers a new term, so a late answer from a tab that has already lost the lock is ignored.

/** The part of navigator.locks used here (a fake in tests). */
export interface LockRequester {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

/** The part of BroadcastChannel used here. */
export interface Channel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface RingerElectionOptions {
  name: string;
  locks: LockRequester;
  channel: Channel;
  /** 2 focused, 1 visible, 0 hidden. */
  rank: () => number;
  onChange: (ringer: boolean) => void;
  takeoverGraceMs?: number;
}

export interface RingerElection {
  want(wanted: boolean): void;
  /** Call on focus / blur / visibilitychange. */
  rankChanged(): void;
  stop(): void;
}

/**
 * A lock handed over by a tab that stopped ringing usually means the agent answered or rejected
 * there: wait for that news (or call.claimed) before ringing, instead of chirping for a moment.
 */
export const TAKEOVER_GRACE_MS = 600;
/** Two tabs may steal at once (both heard of a hidden ringer): the loser must not have rung. */
export const STEAL_SETTLE_MS = 200;

type Message = { type: 'who' } | { type: 'holder'; rank: number; term: number } | { type: 'released'; term: number };

interface Attempt {
  abort: AbortController;
  /** Set once granted: resolving it releases the lock. */
  release?: () => void;
}

export function createRingerElection(options: RingerElectionOptions): RingerElection {
  const { name, locks, channel, rank, onChange } = options;
  const grace = options.takeoverGraceMs ?? TAKEOVER_GRACE_MS;
  let wanted = false;
  let ringer = false;
  let attempt: Attempt | null = null;
  let graceTimer: ReturnType<typeof setTimeout> | null = null;
  /** The rank another tab announced while holding the lock; null when unknown or released. */
  let holderRank: number | null = null;
  /** The newest term heard of (or held): older announcements are stale. */
  let term = 0;
  const announce = () => post({ type: 'holder', rank: rank(), term });

  const post = (message: Message) => channel.postMessage(message);
  const setRinger = (value: boolean) => {
    if (ringer === value) return;
    ringer = value;
    onChange(value);
  };
  const clearGrace = () => {
    if (graceTimer) clearTimeout(graceTimer);
    graceTimer = null;
  };
  const holding = () => Boolean(attempt?.release);

  function acquire(mode: 'try' | 'queue' | 'steal'): void {
    const a: Attempt = { abort: new AbortController() };
    attempt?.abort.abort();
    attempt = a;
    const lockOptions = mode === 'try' ? { ifAvailable: true } : mode === 'steal' ? { steal: true } : { signal: a.abort.signal };
    locks
      .request(name, lockOptions, (lock) => {
        if (attempt !== a || !wanted) return undefined; // no longer wanted: release at once
        if (!lock) {
          // Another tab rings: wait in line, and learn its rank in case this tab is nearer the agent.
          acquire('queue');
          post({ type: 'who' });
          return undefined;
        }
        return new Promise<void>((resolve) => {
          a.release = resolve;
          holderRank = null;
          term += 1;
          announce();
          if (mode === 'try') setRinger(true);
          else graceTimer = setTimeout(() => attempt === a && setRinger(true), mode === 'queue' ? grace : STEAL_SETTLE_MS);
        });
      })
      .catch((error: unknown) => {
        if (attempt !== a) return; // our queued request was aborted on purpose
        attempt = null;
        clearGrace();
        a.release?.();
        if (error instanceof Error && error.name !== 'AbortError') {
          setRinger(wanted); // no coordination possible: ring rather than stay silent
          return;
        }
        // Stolen by a tab nearer the agent: stand by behind it.
        setRinger(false);
        if (wanted) acquire('queue');
      });
  }

  function release(): void {
    const a = attempt;
    attempt = null;
    clearGrace();
    if (a) {
      a.abort.abort();
      if (a.release) {
        a.release();
        post({ type: 'released', term });
      }
    }
    setRinger(false);
  }

  const stealIfNearer = () => {
    if (wanted && !holding() && holderRank !== null && rank() > holderRank) acquire('steal');
  };

  const onMessage = (event: MessageEvent) => {
    const message = event.data as Message;
    if (message?.type === 'who') {
      if (holding()) announce();
    } else if (message?.type === 'released' || message?.type === 'holder') {
      if (message.term < term) return;
      term = message.term;
      holderRank = message.type === 'holder' ? message.rank : null;
      stealIfNearer();
    }
  };
  channel.addEventListener('message', onMessage);

  return {
    want(value) {
      if (wanted === value) return;
      wanted = value;
      if (value) acquire('try');
      else release();
    },
    rankChanged() {
      if (holding()) announce();
      else stealIfNearer();
    },
    stop() {
      wanted = false;
      release();
      channel.removeEventListener('message', onMessage);
    },
  };
}
