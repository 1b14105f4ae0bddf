import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, type OnGatewayConnection, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { can, DEFAULT_PERMISSION_TOGGLES, INTENDED_STATUSES, type IntendedStatus } from '@ringtonic/contracts';
import type { Socket } from 'socket.io';
import { authOf, SocketAuthService } from '../realtime/socket-auth.service.js';
import { PresenceService } from './presence.service.js';

// Only roles that receive calls have a presence (managers and members never see the dialer).
const hasPresence = (socket: Socket) => {
  const auth = authOf(socket);
  return Boolean(auth) && can(auth.role, 'calls.receive', DEFAULT_PERMISSION_TOGGLES);
};

const ENDED = 'Your membership, role or session changed: reconnect';

@WebSocketGateway({ namespace: '/realtime', transports: ['websocket'] })
export class PresenceGateway implements OnGatewayConnection {
  private readonly logger = new Logger(PresenceGateway.name);

  constructor(
    private readonly presence: PresenceService,
    private readonly sockets: SocketAuthService,
  ) {}

  // A (re)connect restores the intended status: several tabs simply keep one presence alive.
  async handleConnection(socket: Socket): Promise<void> {
    if (!hasPresence(socket)) return;
    const { workspaceId, userId } = authOf(socket);
    await this.presence.heartbeat(workspaceId, userId).catch((e: Error) => this.logger.warn(`Connect heartbeat failed: ${e.message}`));
  }

  // Each heartbeat re-checks the membership, role and login session: a socket that lost them is ended.
  @SubscribeMessage('presence.heartbeat')
  async heartbeat(@ConnectedSocket() socket: Socket): Promise<{ ok: boolean; status?: string; error?: string }> {
    if (!(await this.stillValid(socket))) return { ok: false, error: ENDED };
    if (!hasPresence(socket)) return { ok: false };
    const { workspaceId, userId } = authOf(socket);
    return { ok: true, status: await this.presence.heartbeat(workspaceId, userId) };
  }

  @SubscribeMessage('presence.set')
  async set(@ConnectedSocket() socket: Socket, @MessageBody() body: { status?: unknown }): Promise<{ ok: boolean; status?: string; error?: string }> {
    if (!(await this.stillValid(socket))) return { ok: false, error: ENDED };
    if (!hasPresence(socket)) return { ok: false, error: 'Your role does not receive calls' };
    const status = body?.status;
    if (!INTENDED_STATUSES.includes(status as IntendedStatus)) return { ok: false, error: 'status must be online, away or dnd' };
    const { workspaceId, userId } = authOf(socket);
    return { ok: true, status: await this.presence.setIntended(workspaceId, userId, status as IntendedStatus) };
  }

  private async stillValid(socket: Socket): Promise<boolean> {
    const auth = authOf(socket);
    if (auth && (await this.sockets.stillValid(auth))) return true;
    // After the ack goes out, so the client learns why rather than seeing a bare disconnect.
    setImmediate(() => socket.disconnect(true));
    return false;
  }
}
