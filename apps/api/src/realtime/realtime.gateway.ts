import { Logger } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Role } from '@ringtonic/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AuthGuard } from '../auth/auth.guard.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { RealtimeEmitter, userRoom, workspaceRoom } from './realtime.emitter.js';
import { isUuid } from '../common/uuid.js';

export interface SocketAuth {
  userId: string;
  name: string;
  workspaceId: string;
  role: Role;
}

export const authOf = (socket: Socket): SocketAuth => socket.data.auth as SocketAuth;

/**
 * `/realtime`: WebSocket transport only, authenticated in the handshake with the same access token
 * as REST (`auth: {token, workspaceId}`); each socket joins its workspace's room and its user's room.
 */
@WebSocketGateway({ namespace: '/realtime', transports: ['websocket'], cors: { origin: true, credentials: true } })
export class RealtimeGateway implements OnGatewayInit<Namespace> {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly auth: AuthGuard,
    private readonly workspaces: WorkspaceService,
    private readonly emitter: RealtimeEmitter,
  ) {}

  afterInit(namespace: Namespace): void {
    this.emitter.attach(namespace);
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (e: Error) => next(Object.assign(new Error(e.message), { data: { code: 'UNAUTHENTICATED' } })),
      );
    });
  }

  private async authenticate(socket: Socket): Promise<void> {
    const { token, workspaceId } = (socket.handshake.auth ?? {}) as { token?: unknown; workspaceId?: unknown };
    if (typeof token !== 'string' || typeof workspaceId !== 'string') throw new Error('Send auth: {token, workspaceId}');
    const user = await this.auth.userFromAccessToken(token);
    if (!user) throw new Error('Your session has expired; refresh and reconnect');
    const access = isUuid(workspaceId) ? await this.workspaces.accessFor(user.userId, workspaceId) : null;
    if (!access) throw new Error('Workspace not found');
    socket.data.auth = { userId: user.userId, name: user.name, workspaceId, role: access.role } satisfies SocketAuth;
    await socket.join([workspaceRoom(workspaceId), userRoom(workspaceId, user.userId)]);
    this.logger.debug(`Socket ${socket.id} joined workspace ${workspaceId} as ${user.userId}`);
  }
}
