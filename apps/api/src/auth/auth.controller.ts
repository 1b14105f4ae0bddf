import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AcceptInvitationResponse, AuthResponse, InvitationPreview, MeResponse, SignupResponse } from '@ringtonic/contracts';
import type { Response } from 'express';
import { CurrentUser, Public } from '../common/decorators.js';
import type { AppRequest, UserPrincipal } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { InvitationsService } from '../workspace/invitations.service.js';
import { AuthService } from './auth.service.js';
import { AcceptInvitationDto, LoginDto, SignupDto } from './dto/auth.dto.js';
import { clearRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie.js';

const refreshTokenOf = (req: AppRequest): string | undefined => (req.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];

@ApiTags('auth')
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
  async signup(@Body() dto: SignupDto, @Res({ passthrough: true }) res: Response): Promise<SignupResponse> {
    const { body, session } = await this.auth.signup(dto);
    setRefreshCookie(res, this.config, session);
    return body;
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    const { body, session } = await this.auth.login(dto, req.ip ?? 'unknown');
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
  @ApiOperation({ summary: 'Accept: new users send name + password; existing users their password or a Bearer token' })
  async accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AcceptInvitationResponse> {
    const signedIn = req.principal?.kind === 'user' ? req.principal.userId : null;
    const { body, session } = await this.auth.acceptInvitation(token, dto, signedIn);
    setRefreshCookie(res, this.config, session);
    return body;
  }
}
