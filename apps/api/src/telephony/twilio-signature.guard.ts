import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import type { AppRequest } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { isValidTwilioSignature } from './twilio-signature.js';

/**
 * Every /webhooks route: X-Twilio-Signature must match the auth token of the account named by
 * AccountSid, over PUBLIC_URL + the requested path. Missing or wrong → 403 before any handler runs.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger(TwilioSignatureGuard.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspaceService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const params = (req.body ?? {}) as Record<string, unknown>;
    const accountSid = typeof params.AccountSid === 'string' ? params.AccountSid : '';
    const authToken = /^AC[0-9a-fA-F]{32}$/.test(accountSid) ? await this.workspaces.authTokenForAccount(accountSid) : null;
    const url = `${this.config.publicUrl}${req.originalUrl}`;
    const signature = req.headers['x-twilio-signature'];
    if (!authToken || !isValidTwilioSignature(authToken, typeof signature === 'string' ? signature : undefined, url, params)) {
      this.logger.warn(`Refused a webhook to ${req.path} with a missing or invalid Twilio signature`);
      throw new DomainError('FORBIDDEN', 'Invalid Twilio signature', HttpStatus.FORBIDDEN);
    }
    return true;
  }
}
