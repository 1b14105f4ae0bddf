import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DialerStatus } from '@ringtonic/contracts';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type TwilioClient, TwilioClientFactory, twilioErrorCode, twilioErrorStatus } from '../telephony/twilio-client.factory.js';
import { type TwilioSecrets, WorkspaceService } from '../workspace/workspace.service.js';
import { PhoneNumbersService } from './phone-numbers.service.js';
import { twimlAppName, webhookUrls } from './webhook-urls.js';

export const TRIAL_WARNING =
  'Your Twilio account is on a free trial: outbound calls only reach verified numbers, you are limited to one Twilio number and calls are capped at 10 minutes. Upgrade your Twilio account (Billing → Upgrade) for the dialer to work properly.';

const CREDENTIALS_FIX = 'Verify your Account SID and Auth Token in the Basic tab, make sure your Twilio account is active (not suspended), then save the workspace settings again to retry.';

type Outcome = { status: DialerStatus; message: string | null; twimlAppSid?: string | null; accountType?: 'Trial' | 'Full' | null };

/**
 * Saving with the dialer enabled creates — or reuses, or recreates if deleted in Twilio — the
 * TwiML Application that connects browser calls, and records ready / not_ready with the reason.
 */
@Injectable()
export class DialerProvisioningService implements OnModuleInit {
  private readonly logger = new Logger(DialerProvisioningService.name);

  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly twilio: TwilioClientFactory,
    private readonly numbers: PhoneNumbersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.workspaces.onDialerSettingsSaved((id) => this.provision(id));
  }

  async provision(workspaceId: string): Promise<void> {
    const secrets = await this.workspaces.twilioCredentials(workspaceId);
    const outcome = await this.attempt(secrets);
    await this.workspaces.recordDialerState(workspaceId, outcome);
    this.logger.log(`Dialer of workspace ${workspaceId}: ${outcome.status}${outcome.message ? ` (${outcome.message})` : ''}`);
    // Like the App, the tracking numbers follow PUBLIC_URL (and lose a TwiML App attached since).
    if (outcome.status === 'ready') await this.repointNumbers(workspaceId);
  }

  private async repointNumbers(workspaceId: string): Promise<void> {
    try {
      const r = await this.numbers.repoint(workspaceId);
      if (r.repointed || r.reattached) this.logger.log(`Workspace ${workspaceId}: ${r.repointed} tracking number(s) re-pointed, ${r.reattached} reattached`);
    } catch (e) {
      this.logger.warn(`Workspace ${workspaceId}: tracking numbers not re-pointed: ${(e as Error).message}`);
    }
  }

  private async attempt(s: TwilioSecrets): Promise<Outcome> {
    if (!s.accountSid || !s.authToken || !s.apiKeySid || !s.apiKeySecret) {
      return { status: 'not_ready', message: 'Twilio credentials or API key are missing.' };
    }
    const admin = this.twilio.create({ accountSid: s.accountSid, authToken: s.authToken });
    let accountType: 'Trial' | 'Full' | null;
    try {
      const account = await admin.api.v2010.accounts(s.accountSid).fetch();
      if (account.status !== 'active') {
        return { status: 'not_ready', message: `Your Twilio account is ${account.status}. ${CREDENTIALS_FIX}`, accountType: account.type as 'Trial' | 'Full' };
      }
      accountType = account.type === 'Trial' ? 'Trial' : 'Full';
    } catch (e) {
      return { status: 'not_ready', message: this.explain(e, 'Twilio rejected the Account SID and Auth Token'), accountType: null };
    }

    try {
      const apiKeyClient = this.twilio.create({ accountSid: s.accountSid, apiKeySid: s.apiKeySid, apiKeySecret: s.apiKeySecret });
      await apiKeyClient.api.v2010.accounts(s.accountSid).applications.list({ limit: 1 });
    } catch (e) {
      return {
        status: 'not_ready',
        accountType,
        message: this.explain(e, 'Twilio rejected the API Key SID and Secret', 'Create a Standard API key in the Twilio Console (Account → API keys & tokens), paste its SID and Secret in the Dialer tab and save again.'),
      };
    }

    try {
      const appSid = await this.ensureApplication(admin, s);
      return { status: 'ready', message: accountType === 'Trial' ? TRIAL_WARNING : null, twimlAppSid: appSid, accountType };
    } catch (e) {
      return { status: 'not_ready', accountType, message: this.explain(e, 'Ring Tonic could not create the TwiML Application in your Twilio account') };
    }
  }

  private async ensureApplication(client: TwilioClient, s: TwilioSecrets): Promise<string> {
    const urls = webhookUrls(this.config.publicUrl);
    const wanted = { voiceUrl: urls.clientVoice, voiceMethod: 'POST', statusCallback: urls.status, statusCallbackMethod: 'POST' };
    const apps = client.api.v2010.accounts(s.accountSid!).applications;
    let existing = null;
    if (s.twimlAppSid) {
      try {
        existing = await apps(s.twimlAppSid).fetch();
      } catch (e) {
        if (twilioErrorStatus(e) !== 404) throw e; // deleted in Twilio: make a new one below
      }
    }
    existing ??= (await apps.list({ friendlyName: twimlAppName(s.workspaceId), limit: 1 }))[0] ?? null;
    if (!existing) return (await apps.create({ friendlyName: twimlAppName(s.workspaceId), ...wanted })).sid;
    if (existing.voiceUrl !== wanted.voiceUrl || existing.statusCallback !== wanted.statusCallback) {
      await apps(existing.sid).update(wanted);
    }
    return existing.sid;
  }

  private explain(e: unknown, what: string, fix = CREDENTIALS_FIX): string {
    const code = twilioErrorCode(e);
    if (code === null) {
      this.logger.warn(`Twilio unreachable: ${(e as Error).message}`);
      return `Twilio could not be reached (${(e as Error).message}). Save the workspace settings again to retry.`;
    }
    return `${what} (Twilio error ${code}). ${fix}`;
  }
}
