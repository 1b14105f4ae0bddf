import { Injectable } from '@nestjs/common';
import type { ServerToClientEvents } from '@ringtonic/contracts';
import type { Namespace } from 'socket.io';

export const workspaceRoom = (workspaceId: string) => `ws:${workspaceId}`;
export const userRoom = (workspaceId: string, userId: string) => `user:${workspaceId}:${userId}`;
/** Every socket opened with an access token of one login session (refresh-token family). */
export const sessionRoom = (sessionFamilyId: string) => `session:${sessionFamilyId}`;

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** Emits to rooms, and ends sockets, across every API instance (the Postgres adapter carries it). */
@Injectable()
export class RealtimeEmitter {
  private namespace: Namespace | null = null;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  toWorkspace<E extends EventName>(workspaceId: string, event: E, payload: Payload<E>): void {
    this.namespace?.to(workspaceRoom(workspaceId)).emit(event, ...([payload] as Parameters<ServerToClientEvents[E]>));
  }

  toUsers<E extends EventName>(workspaceId: string, userIds: string[], event: E, payload: Payload<E>): void {
    if (!this.namespace || userIds.length === 0) return;
    this.namespace.to(userIds.map((u) => userRoom(workspaceId, u))).emit(event, ...([payload] as Parameters<ServerToClientEvents[E]>));
  }

  /** The user's sockets in that workspace (removed, or their role changed: the SPA reconnects if still a member). */
  disconnectUser(workspaceId: string, userId: string): void {
    this.namespace?.in(userRoom(workspaceId, userId)).disconnectSockets(true);
  }

  /** The sockets of a logged-out or revoked session, in every workspace. */
  disconnectSession(sessionFamilyId: string): void {
    this.namespace?.in(sessionRoom(sessionFamilyId)).disconnectSockets(true);
  }
}
