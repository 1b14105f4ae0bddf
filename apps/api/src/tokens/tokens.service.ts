import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { DialerAvailability, VoiceTokenResponse } from '@ringtonic/contracts';
import { DomainError } from '../common/domain-error.js';
import type { WorkspaceAccess } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DialerHealthService } from '../dialer-provisioning/dialer-health.service.js';
import { PhoneNumbersService } from '../dialer-provisioning/phone-numbers.service.js';
import { TELEPHONY_OPTIONS, type TelephonyOptions } from '../telephony/telephony.options.js';
import { TwilioClientFactory } from '../telephony/twilio-client.factory.js';
import { mintVoiceToken } from '../telephony/voice-token.js';
import { WorkspaceService } from '../workspace/workspace.service.js';

export const VOICE_TOKEN_TTL_SECONDS = 3600;

/** The Twilio client identity of a member: letters, digits and underscore only, so `client:` round-trips. */
export const voiceIdentity = (userId: string) => `agent_${userId.replace(/-/g, '')}`;

@Injectable()
export class TokensService {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly health: DialerHealthService,
    private readonly numbers: PhoneNumbersService,
    private readonly twilio: TwilioClientFactory,
    @Inject(TELEPHONY_OPTIONS) private readonly telephony: TelephonyOptions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async availability(access: WorkspaceAccess): Promise<DialerAvailability> {
    const reasons = await this.health.unavailableReasons(access);
    const callerIds = (await this.numbers.list(access.workspaceId)).map((n) => ({
      id: n.id,
      e164: n.e164,
      label: n.label,
      campaignName: n.campaign?.name ?? null,
    }));
    if (callerIds.length === 0) reasons.push('NO_TRACKING_NUMBERS');
    // No tracking numbers still allows taking calls; every other reason hides the widget.
    return {
      available: reasons.every((r) => r === 'NO_TRACKING_NUMBERS'),
      reasons,
      provider: this.twilio.provider,
      callerIds,
      // The browser's presence timings, so HEARTBEAT_SECONDS / AUTO_AWAY_SECONDS reach the SPA.
      heartbeatSeconds: this.config.heartbeatSeconds,
      autoAwaySeconds: this.config.autoAwaySeconds,
    };
  }

  async voiceToken(access: WorkspaceAccess): Promise<VoiceTokenResponse> {
    if (!access.userId) {
      throw new DomainError('FORBIDDEN', 'Voice tokens are for people: log in as an agent', HttpStatus.FORBIDDEN);
    }
    const reasons = (await this.health.unavailableReasons(access)).filter((r) => r !== 'ROLE_NOT_ALLOWED');
    if (reasons.length) {
      throw new DomainError('DIALER_UNAVAILABLE', `The dialer is not available: ${reasons.join(', ')}`, HttpStatus.UNPROCESSABLE_ENTITY, { reasons });
    }
    const s = await this.workspaces.twilioCredentials(access.workspaceId);
    const identity = voiceIdentity(access.userId);
    const token = mintVoiceToken({
      accountSid: s.accountSid!,
      apiKeySid: s.apiKeySid!,
      apiKeySecret: s.apiKeySecret!,
      twimlAppSid: s.twimlAppSid!,
      identity,
      ttlSeconds: VOICE_TOKEN_TTL_SECONDS,
    });
    return {
      token,
      identity,
      expiresAt: new Date(Date.now() + VOICE_TOKEN_TTL_SECONDS * 1000).toISOString(),
      provider: this.twilio.provider,
      ...(this.telephony.sandboxUrl ? { sandboxUrl: this.telephony.sandboxUrl } : {}),
    };
  }
}
