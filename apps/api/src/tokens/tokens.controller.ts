import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DialerAvailability, VoiceTokenResponse } from '@ringtonic/contracts';
import { Access, RequirePermission, WorkspaceScoped } from '../common/decorators.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import { WorkspaceAccessGuard } from '../workspace/workspace-access.guard.js';
import { TokensService } from './tokens.service.js';

@ApiTags('dialer')
@WorkspaceScoped(WorkspaceAccessGuard)
@Controller('api/v1/workspaces/:workspaceId/dialer')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get()
  @ApiOperation({ summary: 'Whether the dialer widget is available to the caller (with every reason), provider, caller IDs, and the presence timings (heartbeatSeconds, autoAwaySeconds) the browser follows' })
  availability(@Access() access: WorkspaceAccess): Promise<DialerAvailability> {
    return this.tokens.availability(access);
  }

  @Post('token')
  @HttpCode(200)
  @RequirePermission('calls.make')
  @ApiOperation({ summary: 'A Twilio Voice access token (1 h) for the browser device; 403 for roles without the dialer, 422 when it is not ready' })
  token(@Access() access: WorkspaceAccess): Promise<VoiceTokenResponse> {
    return this.tokens.voiceToken(access);
  }
}
