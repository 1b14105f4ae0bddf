import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiCookieAuth,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { AcceptInvitationResponse, AuthResponse, InvitationPreview, MeResponse, SignupResponse } from '@ringtonic/contracts';
import type { Response } from 'express';
import { CurrentUser, Public } from '../common/decorators.js';
import { DomainError } from '../common/domain-error.js';
import type { AppRequest, UserPrincipal } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { InvitationsService } from '../workspace/invitations.service.js';
import { AuthService } from './auth.service.js';
import { AcceptInvitationDto, LoginDto, SignupDto } from './dto/auth.dto.js';
import { JsonOnlyGuard } from './json-only.guard.js';
import { clearRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie.js';

const refreshTokenOf = (req: AppRequest): string | undefined => (req.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];

/** A throttled password check's 429 also says when to retry in the standard header. */
async function withRetryAfter<T>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const wait = e instanceof DomainError ? e.extra.retryAfterSeconds : undefined;
    if (typeof wait === 'number') res.setHeader('Retry-After', String(wait));
    throw e;
  }
}

const TOO_MANY = {
  description: 'Too many failed password checks for this email from this network (or for this account: a growing delay); see Retry-After',
};

@ApiTags('auth')
@ApiConsumes('application/json')
@ApiUnsupportedMediaTypeResponse({ description: 'Bodies must be JSON (no form posts: login CSRF)' })
@UseGuards(JsonOnlyGuard)
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/signup')
  @ApiOperation({ summary: 'Create an account and its workspace (plan indie, caller is owner)' })
  async signup(@Body() dto: SignupDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<SignupResponse> {
    const { body, session } = await this.auth.signup(dto, req.ip);
    setRefreshCookie(res, this.config, session);
    return body;
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiTooManyRequestsResponse(TOO_MANY)
  async login(@Body() dto: LoginDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    const { body, session } = await withRetryAfter(res, () => this.auth.login(dto, req.ip));
    setRefreshCookie(res, this.config, session);
    return body;
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'New access token from the httpOnly refresh cookie, which rotates' })
  async refresh(@Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    try {
      const { body, session } = await this.auth.refresh(refreshTokenOf(req));
      setRefreshCookie(res, this.config, session);
      return body;
    } catch (e) {
      clearRefreshCookie(res, this.config);
      throw e;
    }
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    const familyId = req.principal?.kind === 'user' ? req.principal.sessionFamilyId : null;
    await this.auth.logout(refreshTokenOf(req), familyId);
    clearRefreshCookie(res, this.config);
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() user: UserPrincipal): Promise<MeResponse> {
    return this.auth.me(user.userId);
  }

  @Public()
  @Get('invitations/:token')
  @ApiOperation({ summary: 'What an invitation link offers (for the accept page)' })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('invitations/:token/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept: new users send name + password; existing users their password (throttled like login) or a Bearer token' })
  @ApiTooManyRequestsResponse(TOO_MANY)
  async accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AcceptInvitationResponse> {
    const signedIn = req.principal?.kind === 'user' ? req.principal.userId : null;
    const { body, session } = await withRetryAfter(res, () => this.auth.acceptInvitation(token, dto, signedIn, req.ip));
    setRefreshCookie(res, this.config, session);
    return body;
  }
}
