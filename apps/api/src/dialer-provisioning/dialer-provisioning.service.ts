import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DialerStatus } from '@ringtonic/contracts';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type TwilioClient, TwilioClientFactory, twilioErrorCode, twilioErrorStatus } from '../telephony/twilio-client.factory.js';
import { type DialerSave, type TwilioSecrets, WorkspaceService } from '../workspace/workspace.service.js';
import { PhoneNumbersService } from './phone-numbers.service.js';
import { probeAccount, TwilioProbes } from './twilio-probe.js';
import { twimlAppName, webhookUrls } from './webhook-urls.js';

export const TRIAL_WARNING =
  'Your Twilio account is on a free trial: outbound calls only reach verified numbers, you are limited to one Twilio number and calls are capped at 10 minutes. Upgrade your Twilio account (Billing → Upgrade) for the dialer to work properly.';

const ACCOUNT_INACTIVE = 'Your Twilio account is ';
const ACCOUNT_REJECTED = 'Twilio rejected the Account SID and Auth Token';
const UNREACHABLE = 'Twilio could not be reached';

/** Whether a stored not_ready message is Twilio's answer about the account (inactive, rejected, unreachable). */
export const isAccountProblem = (message: string | null): boolean =>
  [ACCOUNT_INACTIVE, ACCOUNT_REJECTED, UNREACHABLE].some((start) => message?.startsWith(start));
export const isAccountInactive = (message: string | null): boolean => Boolean(message?.startsWith(ACCOUNT_INACTIVE));

const CREDENTIALS_FIX = 'Verify your Account SID and Auth Token in the Basic tab, make sure your Twilio account is active (not suspended), then save the workspace settings again to retry.';

type Outcome = {
  status: DialerStatus;
  message: string | null;
  twimlAppSid?: string | null;
  accountType?: 'Trial' | 'Full' | null;
  /** The TwiML App was created, or its URLs updated (a new account, deleted in Twilio, PUBLIC_URL changed). */
  appChanged?: boolean;
};

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
    private readonly probes: TwilioProbes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.workspaces.onDialerSettingsSaved((id, save) => this.provision(id, save));
    // Settings saves verify a new Account SID / Auth Token with this same GET of the Account.
    this.workspaces.verifyTwilioWith(async (creds) => {
      const account = await probeAccount(this.twilio, creds);
      return account.state === 'skipped' ? { state: 'unreachable', reason: 'not asked' } : account;
    });
  }

  async provision(workspaceId: string, save: DialerSave = {}): Promise<void> {
    const secrets = await this.workspaces.twilioCredentials(workspaceId);
    const outcome = await this.attempt(secrets);
    await this.workspaces.recordDialerState(workspaceId, outcome);
    this.probes.invalidate(workspaceId);
    this.logger.log(`Dialer of workspace ${workspaceId}: ${outcome.status}${outcome.message ? ` (${outcome.message})` : ''}`);
    if (outcome.status !== 'ready') return;
    // Like the App, the tracking numbers follow PUBLIC_URL (and lose a TwiML App attached since) —
    // but only when something they depend on may have changed: not on every rename or toggle.
    const changed = save.credentialsChanged || secrets.dialerStatus !== 'ready' || outcome.appChanged;
    if (save.repointAlways || changed) await this.repointNumbers(workspaceId, save.recreateMissing ?? false);
  }

  private async repointNumbers(workspaceId: string, recreateMissing: boolean): Promise<void> {
    try {
      const r = await this.numbers.repoint(workspaceId, { recreateMissing });
      if (r.repointed || r.reattached || r.recreated) {
        this.logger.log(`Workspace ${workspaceId}: ${r.repointed} tracking number(s) re-pointed, ${r.reattached} reattached, ${r.recreated} recreated`);
      }
    } catch (e) {
      this.logger.warn(`Workspace ${workspaceId}: tracking numbers not re-pointed: ${(e as Error).message}`);
    }
  }

  private async attempt(s: TwilioSecrets): Promise<Outcome> {
    if (!s.accountSid || !s.authToken || !s.apiKeySid || !s.apiKeySecret) {
      return { status: 'not_ready', message: 'Twilio credentials or API key are missing.' };
    }
    const account = await probeAccount(this.twilio, { accountSid: s.accountSid, authToken: s.authToken });
    if (account.state === 'inactive') {
      return { status: 'not_ready', message: `${ACCOUNT_INACTIVE}${account.status}. ${CREDENTIALS_FIX}`, accountType: account.type };
    }
    if (account.state === 'rejected') {
      return { status: 'not_ready', message: `${ACCOUNT_REJECTED} (Twilio error ${account.code}). ${CREDENTIALS_FIX}`, accountType: null };
    }
    if (account.state !== 'ok') {
      return { status: 'not_ready', message: this.unreachable(account.state === 'unreachable' ? account.reason : 'not asked'), accountType: null };
    }
    const accountType = account.type;
    const admin = this.twilio.create({ accountSid: s.accountSid, authToken: s.authToken });

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
      const app = await this.ensureApplication(admin, s);
      return { status: 'ready', message: accountType === 'Trial' ? TRIAL_WARNING : null, twimlAppSid: app.sid, accountType, appChanged: app.changed };
    } catch (e) {
      return { status: 'not_ready', accountType, message: this.explain(e, 'Ring Tonic could not create the TwiML Application in your Twilio account') };
    }
  }

  private async ensureApplication(client: TwilioClient, s: TwilioSecrets): Promise<{ sid: string; changed: boolean }> {
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
    if (!existing) return { sid: (await apps.create({ friendlyName: twimlAppName(s.workspaceId), ...wanted })).sid, changed: true };
    const stale = existing.voiceUrl !== wanted.voiceUrl || existing.statusCallback !== wanted.statusCallback;
    if (stale) await apps(existing.sid).update(wanted);
    return { sid: existing.sid, changed: stale || existing.sid !== s.twimlAppSid };
  }

  private explain(e: unknown, what: string, fix = CREDENTIALS_FIX): string {
    const code = twilioErrorCode(e);
    return code === null ? this.unreachable((e as Error).message) : `${what} (Twilio error ${code}). ${fix}`;
  }

  private unreachable(reason: string): string {
    this.logger.warn(`Twilio unreachable: ${reason}`);
    return `${UNREACHABLE} (${reason}). Save the workspace settings again to retry.`;
  }
}
