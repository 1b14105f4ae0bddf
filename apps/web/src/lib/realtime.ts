import type { ServerToClientEvents } from '@ringtonic/contracts';
import { useEffect, useRef } from 'react';
import { currentAccessToken, refreshSession } from './api-client';
import { connectRealtime, type RealtimeSocket } from './socket';

interface SharedSocket {
  socket: RealtimeSocket;
  holders: number;
}

// One socket per workspace per tab, shared by the dialer and the pages that listen: every socket
// connect is a presence heartbeat for agents, so a second one would keep a closed dialer alive.
const shared = new Map<string, SharedSocket>();

/** The gateway's refusal of a user who is not (or no longer) a member of the workspace. */
const NO_ACCESS = /^Workspace not found$/;

export interface RealtimeLease {
  socket: RealtimeSocket;
  release: () => void;
}

function reconnectAfterRefresh(workspaceId: string, socket: RealtimeSocket, delayMs: number): void {
  setTimeout(() => {
    void refreshSession().finally(() => {
      if (shared.get(workspaceId)?.socket === socket && !socket.connected) socket.connect();
    });
  }, delayMs);
}

function open(workspaceId: string, getToken: () => string | null): SharedSocket {
  const socket = connectRealtime(workspaceId, getToken);
  // The server refused us (usually an expired access token): refresh, then reconnect.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') reconnectAfterRefresh(workspaceId, socket, 1000);
  });
  socket.on('connect_error', (err) => {
    // No longer a member (removed, or the workspace is gone): a fresh token would not change that.
    if (NO_ACCESS.test(err.message)) return;
    if (!socket.active) reconnectAfterRefresh(workspaceId, socket, 2000);
  });
  return { socket, holders: 0 };
}

/** The workspace's realtime socket; it disconnects when the last holder releases it. */
export function acquireRealtime(workspaceId: string, getToken: () => string | null = currentAccessToken): RealtimeLease {
  let entry = shared.get(workspaceId);
  if (!entry) {
    entry = open(workspaceId, getToken);
    shared.set(workspaceId, entry);
  }
  const held = entry;
  held.holders += 1;
  let released = false;
  return {
    socket: held.socket,
    release: () => {
      if (released) return;
      released = true;
      held.holders -= 1;
      if (held.holders > 0) return;
      if (shared.get(workspaceId) === held) shared.delete(workspaceId);
      held.socket.disconnect();
    },
  };
}

type EventName = keyof ServerToClientEvents;
type Listener = (...args: unknown[]) => void;

/**
 * Calls `handler` for a server event while mounted, and `onConnect` on every (re)connect (to catch up
 * on events missed while disconnected).
 */
export function useRealtimeEvent<E extends EventName>(
  workspaceId: string,
  event: E,
  handler: ServerToClientEvents[E],
  onConnect?: () => void,
): void {
  const handlerRef = useRef(handler);
  const connectRef = useRef(onConnect);
  useEffect(() => {
    handlerRef.current = handler;
    connectRef.current = onConnect;
  });
  useEffect(() => {
    const { socket, release } = acquireRealtime(workspaceId);
    // socket.io's typed on/off do not accept a generic event name; the listener is typed above.
    const untyped = socket as unknown as { on: (e: string, l: Listener) => void; off: (e: string, l: Listener) => void };
    const listener: Listener = (...args) => (handlerRef.current as Listener)(...args);
    const connected = () => connectRef.current?.();
    untyped.on(event, listener);
    untyped.on('connect', connected);
    return () => {
      untyped.off(event, listener);
      untyped.off('connect', connected);
      release();
    };
  }, [workspaceId, event]);
}
