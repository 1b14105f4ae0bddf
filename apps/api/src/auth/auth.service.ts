import { HttpStatus, Injectable } from '@nestjs/common';
import type { AcceptInvitationResponse, AuthResponse, MeResponse, SignupResponse } from '@ringtonic/contracts';
import { DomainError } from '../common/domain-error.js';
import type { UserEntity } from '../users/entities/user.entity.js';
import { toUserView, UsersService } from '../users/users.service.js';
import { InvitationsService } from '../workspace/invitations.service.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import type { AcceptInvitationDto, LoginDto, SignupDto } from './dto/auth.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { type IssuedSession, SessionsService } from './sessions.service.js';

export interface WithRefresh<T> {
  body: T;
  session: IssuedSession;
}

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'Email or password is incorrect', HttpStatus.UNAUTHORIZED);

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly workspaces: WorkspaceService,
    private readonly invitations: InvitationsService,
  ) {}

  async signup(dto: SignupDto, ip: string | undefined): Promise<WithRefresh<SignupResponse>> {
    if (await this.users.findByEmail(dto.email)) {
      throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists; log in instead', HttpStatus.CONFLICT);
    }
    const user = await this.users.create(dto);
    const workspace = await this.workspaces.create({ name: dto.workspaceName, ownerUserId: user.id });
    await this.throttle.remember(user.email, ip);
    const session = await this.sessions.start(user.id);
    return { session, body: { accessToken: session.accessToken, expiresAt: session.expiresAt.toISOString(), user: toUserView(user), workspace } };
  }

  async login(dto: LoginDto, ip: string | undefined): Promise<WithRefresh<AuthResponse>> {
    const user = await this.checkPassword(dto.email, dto.password, ip);
    const session = await this.sessions.start(user.id);
    return { session, body: { accessToken: session.accessToken, expiresAt: session.expiresAt.toISOString(), user: toUserView(user) } };
  }

  async refresh(refreshToken: string | undefined): Promise<WithRefresh<AuthResponse>> {
    const rotated = refreshToken ? await this.sessions.rotate(refreshToken) : null;
    const user = rotated ? await this.users.findById(rotated.userId) : null;
    if (!rotated || !user) throw new DomainError('UNAUTHENTICATED', 'Your session has ended; log in again', HttpStatus.UNAUTHORIZED);
    const { session } = rotated;
    return { session, body: { accessToken: session.accessToken, expiresAt: session.expiresAt.toISOString(), user: toUserView(user) } };
  }

  async logout(refreshToken: string | undefined, familyId: string | null): Promise<void> {
    if (refreshToken) await this.sessions.revokeByRefreshToken(refreshToken);
    if (familyId) await this.sessions.revokeFamily(familyId);
  }

  async me(userId: string): Promise<MeResponse> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Your account no longer exists', HttpStatus.UNAUTHORIZED);
    return { user: toUserView(user), memberships: await this.workspaces.membershipsOf(userId) };
  }

  /**
   * New users set a name and password; existing users prove who they are with their password or
   * an access token of the invited address.
   */
  async acceptInvitation(
    token: string,
    dto: AcceptInvitationDto,
    signedInUserId: string | null,
    ip: string | undefined,
  ): Promise<WithRefresh<AcceptInvitationResponse>> {
    const email = await this.invitations.emailFor(token);
    let user = signedInUserId ? await this.users.findById(signedInUserId) : await this.users.findByEmail(email);
    if (!user) {
      const problems = [
        ...(dto.name ? [] : ['name is required to create your account']),
        ...(dto.password && dto.password.length >= 8 ? [] : ['password must be at least 8 characters']),
      ];
      if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.join('; '), HttpStatus.BAD_REQUEST);
      user = await this.users.create({ email, name: dto.name!, password: dto.password! });
      await this.throttle.remember(email, ip);
    } else if (!signedInUserId) {
      if (!dto.password) throw new DomainError('VALIDATION_FAILED', 'password is required: you already have an account', HttpStatus.BAD_REQUEST);
      // The same throttle and keys as login: an accept link must not be a second door for guessing.
      user = await this.checkPassword(email, dto.password, ip);
    }
    const { workspaceId, role } = await this.invitations.accept(token, user);
    const session = await this.sessions.start(user.id);
    return {
      session,
      body: { accessToken: session.accessToken, expiresAt: session.expiresAt.toISOString(), workspaceId, role, user: toUserView(user) },
    };
  }

  /** One throttled password check: claimed before argon2 runs (429 past the limits), settled when right. */
  private async checkPassword(email: string, password: string, ip: string | undefined): Promise<UserEntity> {
    const attempt = await this.throttle.claim(email, ip);
    const user = await this.users.findByEmail(email);
    // verifyPassword runs argon2 against a dummy hash for unknown emails, so timing reveals nothing.
    if (!(await this.users.verifyPassword(user, password)) || !user) throw invalidCredentials();
    await this.throttle.succeeded(attempt);
    return user;
  }
}
