import { Logger } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { RealtimeEmitter, sessionRoom, userRoom, workspaceRoom } from './realtime.emitter.js';
import { SocketAuthService } from './socket-auth.service.js';

export { authOf, type SocketAuth } from './socket-auth.service.js';

/**
 * `/realtime`: WebSocket transport only, authenticated in the handshake with the same access token
 * as REST (`auth: {token, workspaceId}`); each socket joins its workspace's room, its user's room in
 * that workspace and its login session's room, so removing the member or ending the session
 * disconnects it on whichever instance it lives.
 */
@WebSocketGateway({ namespace: '/realtime', transports: ['websocket'], cors: { origin: true, credentials: true } })
export class RealtimeGateway implements OnGatewayInit<Namespace> {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly sockets: SocketAuthService,
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
    const auth = await this.sockets.authenticate(socket.handshake.auth);
    socket.data.auth = auth;
    await socket.join([workspaceRoom(auth.workspaceId), userRoom(auth.workspaceId, auth.userId), sessionRoom(auth.sessionFamilyId)]);
    this.logger.debug(`Socket ${socket.id} joined workspace ${auth.workspaceId} as ${auth.userId}`);
  }
}
