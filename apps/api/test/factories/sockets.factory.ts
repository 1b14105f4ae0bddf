import type { ClientToServerEvents, ServerToClientEvents } from '@ringtonic/contracts';
import { io, type Socket } from 'socket.io-client';

export type RealtimeClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real Socket.IO client on /realtime, as the SPA connects (WebSocket transport only). */
export function connectRealtime(baseUrl: string, token: string, workspaceId: string): Promise<RealtimeClient> {
  const socket: RealtimeClient = io(`${baseUrl}/realtime`, {
    transports: ['websocket'],
    auth: { token, workspaceId },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

/** Resolves with the first event matching `where`, or rejects after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: RealtimeClient,
  event: E,
  where: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  ms = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`no ${String(event)} within ${ms} ms`));
    }, ms);
    const handler = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(payload);
    };
    socket.on(event, handler as never);
  });
}
