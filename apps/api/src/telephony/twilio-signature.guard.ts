import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import type { AppRequest } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { isValidTwilioSignature } from './twilio-signature.js';

// Auth tokens are remembered per account for a short while (a webhook burst reads the database once);
// a signature that fails against a remembered token is checked again against a fresh read, so a
// rotated token works at once.
const TOKEN_TTL_MS = 30_000;
const MAX_ACCOUNTS = 10_000;

/**
 * Every /webhooks route: X-Twilio-Signature must match the auth token of the account named by
 * AccountSid, over PUBLIC_URL + the requested path. Missing or wrong → 403 before any handler runs.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger(TwilioSignatureGuard.name);
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspaceService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const params = (req.body ?? {}) as Record<string, unknown>;
    const accountSid = typeof params.AccountSid === 'string' ? params.AccountSid : '';
    const url = `${this.config.publicUrl}${req.originalUrl}`;
    const header = req.headers['x-twilio-signature'];
    const signature = typeof header === 'string' ? header : undefined;
    const valid = (token: string | null) => token !== null && isValidTwilioSignature(token, signature, url, params);
    if (signature && /^AC[0-9a-fA-F]{32}$/.test(accountSid)) {
      const cached = this.tokens.get(accountSid);
      if (cached && cached.until > Date.now() && valid(cached.token)) return true;
      if (valid(await this.freshToken(accountSid))) return true;
    }
    this.logger.warn(`Refused a webhook to ${req.path} with a missing or invalid Twilio signature`);
    throw new DomainError('FORBIDDEN', 'Invalid Twilio signature', HttpStatus.FORBIDDEN);
  }

  private async freshToken(accountSid: string): Promise<string | null> {
    const token = await this.workspaces.authTokenForAccount(accountSid);
    if (!token) this.tokens.delete(accountSid);
    else {
      if (this.tokens.size >= MAX_ACCOUNTS) this.tokens.clear();
      this.tokens.set(accountSid, { token, until: Date.now() + TOKEN_TTL_MS });
    }
    return token;
  }
}
