import { Injectable } from '@nestjs/common';
import type { Role } from '@ringtonic/contracts';
import type { Socket } from 'socket.io';
import { AuthGuard } from '../auth/auth.guard.js';
import { isUuid } from '../common/uuid.js';
import { WorkspaceService } from '../workspace/workspace.service.js';

export interface SocketAuth {
  userId: string;
  name: string;
  workspaceId: string;
  role: Role;
  sessionFamilyId: string;
}

export const authOf = (socket: Socket): SocketAuth => socket.data.auth as SocketAuth;

/** Who a socket is (checked in the handshake), and whether it may stay (re-checked on heartbeats). */
@Injectable()
export class SocketAuthService {
  constructor(
    private readonly auth: AuthGuard,
    private readonly workspaces: WorkspaceService,
  ) {}

  async authenticate(handshakeAuth: unknown): Promise<SocketAuth> {
    const { token, workspaceId } = (handshakeAuth ?? {}) as { token?: unknown; workspaceId?: unknown };
    if (typeof token !== 'string' || typeof workspaceId !== 'string') throw new Error('Send auth: {token, workspaceId}');
    const user = await this.auth.userFromAccessToken(token);
    if (!user) throw new Error('Your session has expired; refresh and reconnect');
    const access = isUuid(workspaceId) ? await this.workspaces.accessFor(user.userId, workspaceId) : null;
    if (!access) throw new Error('Workspace not found');
    return { userId: user.userId, name: user.name, workspaceId, role: access.role, sessionFamilyId: user.sessionFamilyId };
  }

  /**
   * Still a member with the same role, and the login session still live (not logged out, revoked or
   * past its absolute lifetime). The access token may have expired meanwhile: the session is what counts.
   */
  async stillValid(auth: SocketAuth): Promise<boolean> {
    const [access, live] = await Promise.all([
      this.workspaces.accessFor(auth.userId, auth.workspaceId),
      this.auth.liveSession(auth.userId, auth.sessionFamilyId),
    ]);
    return access?.role === auth.role && live;
  }
}
