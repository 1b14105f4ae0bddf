import type { PresenceStatus } from '@ringtonic/contracts';
import { readStored, writeStored } from '@/lib/local-storage';
import type { RealtimeSocket } from '@/lib/socket';
import { useDialerStore } from '../stores/dialer-store';
import type { PresenceTiming } from './timing';

// Shared by the agent's tabs (same origin), so one busy tab keeps the others from going away,
// and any tab can undo an away that another tab set automatically.
const LAST_ACTIVITY_KEY = 'rt.lastActivity';
const AUTO_AWAY_KEY = 'rt.autoAway';
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

const store = () => useDialerStore.getState();

/** A heartbeat whose ack carries the effective status (restored from the intended one). */
export function heartbeat(socket: RealtimeSocket): void {
  socket.emit('presence.heartbeat', (reply) => {
    const status = (reply as { ok: boolean; status?: PresenceStatus }).status;
    if (status) store().presenceChanged(status);
  });
}

export function statusChosenByHand(): void {
  writeStored(AUTO_AWAY_KEY, null);
}

/** Heartbeats every HEARTBEAT_SECONDS and auto-away after AUTO_AWAY_SECONDS without input; returns a stop function. */
export function trackPresence(socket: RealtimeSocket, timing: PresenceTiming): () => void {
  const awayMs = timing.autoAwaySeconds * 1000;
  let lastActivity = Date.now();

  const onActivity = () => {
    const now = Date.now();
    if (now - lastActivity > 2000) writeStored(LAST_ACTIVITY_KEY, String(now));
    lastActivity = now;
    const automatic = store().autoAway || (store().presence === 'away' && readStored(AUTO_AWAY_KEY) === '1');
    if (!automatic) return;
    writeStored(AUTO_AWAY_KEY, null);
    store().autoAwayEnded();
    socket.emit('presence.set', { status: 'online' });
  };

  const checkIdle = () => {
    const others = Number(readStored(LAST_ACTIVITY_KEY)) || 0;
    const idleMs = Date.now() - Math.max(lastActivity, others);
    const { presence, activeCall, connection } = store();
    if (connection !== 'connected' || presence !== 'online' || activeCall) return;
    if (idleMs < awayMs) return;
    writeStored(AUTO_AWAY_KEY, '1');
    store().autoAwayStarted();
    socket.emit('presence.set', { status: 'away' });
  };

  const heartbeats = setInterval(() => socket.connected && heartbeat(socket), timing.heartbeatSeconds * 1000);
  const idleChecks = setInterval(checkIdle, Math.min(5000, awayMs / 4));
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
  return () => {
    clearInterval(heartbeats);
    clearInterval(idleChecks);
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
  };
}
