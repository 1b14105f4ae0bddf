import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { isValidTwilioSignature } from './twilio-signature.js';
import { ADDRESSES_TRACKING_NUMBER, type AddressedResources, addressedBy, SCOPE_SQL, scopeArgs, type TwilioWebhookRequest } from './twilio-webhook-scope.js';

// Auth tokens are remembered per account for a short while (a webhook burst decrypts once); a
// signature that fails against a remembered token is checked again against a fresh read, so a
// rotated token works at once. Every request's scope query also checks the remembered token is still
// the stored one, so on every instance the old token stops working as soon as the new one is saved.
const TOKEN_TTL_MS = 30_000;
const MAX_ACCOUNTS = 10_000;

type Holder = { workspaceId: string; authToken: string; sealed: string };

/**
 * Every /webhooks route. The AccountSid names one workspace (an account is held by one workspace
 * at most, verified with Twilio when saved); X-Twilio-Signature must match that workspace's Auth
 * Token over PUBLIC_URL + the requested path, and everything the request names — call log, CallSid,
 * conference, TwiML App, whisper workspace, called tracking number — must be that workspace's.
 * Otherwise 403 before any handler runs. The workspace goes on the request (`@TwilioScope()`).
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger(TwilioSignatureGuard.name);
  private readonly holders = new Map<string, Holder & { until: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspaceService,
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<TwilioWebhookRequest>();
    const params = (req.body ?? {}) as Record<string, unknown>;
    const accountSid = typeof params.AccountSid === 'string' ? params.AccountSid : '';
    const url = `${this.config.publicUrl}${req.originalUrl}`;
    const header = req.headers['x-twilio-signature'];
    const signature = typeof header === 'string' ? header : undefined;
    if (signature && /^AC[0-9a-f]{32}$/.test(accountSid)) {
      const valid = (token: string) => isValidTwilioSignature(token, signature, url, params);
      const inbound = this.reflector.getAllAndOverride<boolean>(ADDRESSES_TRACKING_NUMBER, [ctx.getHandler(), ctx.getClass()]) ?? false;
      const named = addressedBy(params, req.query as Record<string, unknown>, inbound);
      // A remembered holder that no longer holds the account (released, moved) is read afresh once.
      for (const fresh of [false, true]) {
        const holder = await this.signingHolder(accountSid, valid, fresh);
        if (!holder) break;
        const { holds, foreign } = await this.scopeOf(holder, accountSid, named);
        if (!holds) {
          this.holders.delete(accountSid);
          continue;
        }
        if (!foreign) {
          req.twilioScope = { workspaceId: holder.workspaceId, accountSid };
          return true;
        }
        this.logger.warn(`Refused a webhook to ${req.path} signed by account ${accountSid} that names another workspace's call, number or App`);
        throw new DomainError('FORBIDDEN', 'This webhook names a resource of another Twilio account', HttpStatus.FORBIDDEN);
      }
    }
    this.logger.warn(`Refused a webhook to ${req.path} with a missing or invalid Twilio signature`);
    throw new DomainError('FORBIDDEN', 'Invalid Twilio signature', HttpStatus.FORBIDDEN);
  }

  /** The workspace holding the account, when the signature is valid with its (remembered, else fresh) token. */
  private async signingHolder(accountSid: string, valid: (token: string) => boolean, forceFresh: boolean): Promise<Holder | null> {
    const cached = forceFresh ? undefined : this.holders.get(accountSid);
    if (cached && cached.until > Date.now() && valid(cached.authToken)) return cached;
    const fresh = await this.workspaces.accountHolder(accountSid);
    if (!fresh) {
      this.holders.delete(accountSid);
      return null;
    }
    if (this.holders.size >= MAX_ACCOUNTS) this.holders.clear();
    this.holders.set(accountSid, { ...fresh, until: Date.now() + TOKEN_TTL_MS });
    return valid(fresh.authToken) ? fresh : null;
  }

  private async scopeOf(holder: Holder, accountSid: string, named: AddressedResources): Promise<{ holds: boolean; foreign: boolean }> {
    const [row] = (await this.db.query(SCOPE_SQL, scopeArgs(holder, accountSid, named))) as Array<{ holds: boolean; foreign: boolean }>;
    return { holds: row?.holds ?? false, foreign: row?.foreign ?? true };
  }
}
