import type { ClientToServerEvents, ServerToClientEvents } from '@ringtonic/contracts';
import { io, type Socket } from 'socket.io-client';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The /realtime namespace on the API origin (WebSocket only: no sticky sessions needed). `auth` is a
 * callback so every reconnect sends the current access token.
 */
export function connectRealtime(workspaceId: string, getToken: () => string | null): RealtimeSocket {
  return io('/realtime', {
    path: '/socket.io',
    transports: ['websocket'],
    auth: (cb) => cb({ token: getToken() ?? '', workspaceId }),
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}
