import { useDialerStore } from '../stores/dialer-store';
import { notifyIncomingCall } from './notify';
import { createRingerElection, type RingerElection } from './ringer-election';
import { startRingtone, stopRingtone } from './sound';

// Every tab shows the incoming card, but one tab per browser rings and shows the desktop alert.

declare global {
  interface Window {
    /** What this tab does about a ringing call (read by the browser flows). */
    __rtRingerRole?: 'ringer' | 'standby' | 'idle';
  }
}

type CallMessage = { type: 'settled'; callId: string } | { type: 'notified'; callId: string };

/** The running session's channel, for ringerSettled(). */
let current: { channel: BroadcastChannel | null } | null = null;

/** 2 when the agent is in this tab, 1 when it is visible, 0 when hidden. */
function rank(): number {
  if (document.visibilityState !== 'visible') return 0;
  return document.hasFocus() ? 2 : 1;
}

/** Call ids seen here (`true` once they were on a card), forgotten when their card goes. */
function prune(ids: Map<string, boolean>, live: Set<string>): void {
  for (const [id, seen] of ids) {
    if (live.has(id)) ids.set(id, true);
    else if (seen) ids.delete(id);
  }
}

/** Starts ringing coordination for this tab's dialer session; returns a stop function. */
export function startRinger(userId: string): () => void {
  const store = useDialerStore;
  const coordinated = typeof BroadcastChannel !== 'undefined' && typeof navigator !== 'undefined' && Boolean(navigator.locks);
  const channel = coordinated ? new BroadcastChannel(`rt-ringer-${userId}`) : null;
  /** Calls answered or rejected in another tab of this browser: they no longer ring here. */
  const settled = new Map<string, boolean>();
  /** Calls a tab has shown a desktop alert for. */
  const notified = new Map<string, boolean>();
  const self = { channel };
  current = self;
  let wanted = false;
  let ringer = false;

  const ringing = () => {
    const state = store.getState();
    return state.activeCall ? [] : state.ringingCalls.filter((call) => !settled.has(call.callId));
  };
  const showRole = () => {
    window.__rtRingerRole = ringer ? 'ringer' : wanted ? 'standby' : 'idle';
  };
  const notifyNew = () => {
    for (const call of ringing()) {
      if (notified.has(call.callId) || !notifyIncomingCall(call)) continue;
      notified.set(call.callId, false);
      channel?.postMessage({ type: 'notified', callId: call.callId } satisfies CallMessage);
    }
  };
  const onChange = (value: boolean) => {
    ringer = value;
    showRole();
    if (value) {
      void startRingtone();
      notifyNew();
    } else stopRingtone();
  };
  const election: RingerElection = channel
    ? createRingerElection({ name: `rt-ringer-${userId}`, locks: navigator.locks, channel, rank, onChange })
    : // No Web Locks (e.g. not a secure context): every tab rings, as before.
      { want: (value) => value !== ringer && onChange(value), rankChanged: () => undefined, stop: () => ringer && onChange(false) };

  const update = () => {
    const live = new Set(store.getState().ringingCalls.map((call) => call.callId));
    prune(settled, live);
    prune(notified, live);
    wanted = ringing().length > 0;
    election.want(wanted);
    showRole();
    if (ringer) notifyNew();
  };
  const onMessage = (event: MessageEvent) => {
    const message = event.data as CallMessage;
    if (message?.type === 'settled') settled.set(message.callId, false);
    else if (message?.type === 'notified') notified.set(message.callId, false);
    else return;
    update();
  };
  channel?.addEventListener('message', onMessage);
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.ringingCalls !== prev.ringingCalls || state.activeCall !== prev.activeCall) update();
  });
  const onRankChange = () => election.rankChanged();
  window.addEventListener('focus', onRankChange);
  window.addEventListener('blur', onRankChange);
  document.addEventListener('visibilitychange', onRankChange);
  update();

  return () => {
    unsubscribe();
    window.removeEventListener('focus', onRankChange);
    window.removeEventListener('blur', onRankChange);
    document.removeEventListener('visibilitychange', onRankChange);
    channel?.removeEventListener('message', onMessage);
    election.stop();
    channel?.close();
    if (current === self) current = null;
  };
}

/** This tab answered or rejected the call: the other tabs stop ringing for it. */
export function ringerSettled(callId: string): void {
  current?.channel?.postMessage({ type: 'settled', callId } satisfies CallMessage);
}
