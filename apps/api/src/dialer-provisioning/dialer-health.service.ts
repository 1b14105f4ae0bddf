import { Injectable } from '@nestjs/common';
import { can, type DialerCheck, type DialerHealth, type DialerUnavailableReason } from '@ringtonic/contracts';
import type { WorkspaceAccess } from '../common/request-context.js';
import { WorkspaceService } from '../workspace/workspace.service.js';
import { TRIAL_WARNING } from './dialer-provisioning.service.js';
import { PhoneNumbersService } from './phone-numbers.service.js';

const check = (id: DialerCheck['id'], ok: boolean, okMessage: string, problem: string, fix: string): DialerCheck =>
  ok ? { id, ok, message: okMessage, fix: null } : { id, ok, message: problem, fix };

/** One check per cause in the seed's troubleshooting list, each with its fix. */
@Injectable()
export class DialerHealthService {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly numbers: PhoneNumbersService,
  ) {}

  async health(access: WorkspaceAccess): Promise<DialerHealth> {
    const s = await this.workspaces.twilioCredentials(access.workspaceId);
    const numberCount = await this.numbers.count(access.workspaceId);
    const checks: DialerCheck[] = [
      check('role', can(access.role, 'calls.make', access.toggles), `Your role (${access.role}) can use the dialer.`,
        `Your role is ${access.role}: only Agent, Admin or Owner can use the dialer.`, 'Ask an admin to change your role to Agent on the Members page.'),
      check('plan', s.plan === 'agency', 'The workspace is on the Agency plan.',
        'The Browser Dialer is only available on the Agency plan.', 'An owner can upgrade in Settings → Plan.'),
      check('enabled', s.dialerEnabled, 'The dialer is enabled.',
        'The dialer is not enabled.', 'Go to Settings → Dialer, toggle Enable Dialer on and click Update Workspace.'),
      check('credentials', Boolean(s.accountSid && s.authToken), 'Twilio Account SID and Auth Token are configured.',
        'Twilio credentials are missing.', 'Add your Account SID and Auth Token in Settings → Basic.'),
      check('api_key', Boolean(s.apiKeySid && s.apiKeySecret), 'The Twilio API Key is configured.',
        'The Twilio API Key is missing.', 'Create a Standard API Key in the Twilio Console and paste its SID and Secret in Settings → Dialer.'),
      check('twiml_app', s.dialerStatus === 'ready' && Boolean(s.twimlAppSid), `The TwiML Application ${s.twimlAppSid ?? ''} is provisioned.`.replace('  ', ' '),
        s.dialerStatusMessage && s.dialerStatus === 'not_ready' ? `Dialer not ready: ${s.dialerStatusMessage}` : 'The TwiML Application is not provisioned.',
        'Fix what the message says, then save the workspace settings again: Ring Tonic will retry provisioning.'),
      check('tracking_numbers', numberCount > 0, `${numberCount} tracking number${numberCount === 1 ? '' : 's'} available as caller ID.`,
        'No tracking numbers in the workspace: agents cannot make outbound calls.', 'Import at least one number from Twilio on the Phone numbers page.'),
      check('trial_account', s.accountType !== 'Trial', s.accountType ? 'Your Twilio account is upgraded.' : 'Twilio account type not checked yet.',
        TRIAL_WARNING, 'Log into the Twilio Console and click Upgrade (Billing → Upgrade).'),
    ];
    return { ready: checks.every((c) => c.ok || c.id === 'trial_account' || c.id === 'role'), checks };
  }

  /** Why the dialer widget is unavailable to this caller, as reason codes (empty = available). */
  async unavailableReasons(access: WorkspaceAccess): Promise<DialerUnavailableReason[]> {
    const s = await this.workspaces.twilioCredentials(access.workspaceId);
    const reasons: DialerUnavailableReason[] = [];
    if (!can(access.role, 'calls.make', access.toggles)) reasons.push('ROLE_NOT_ALLOWED');
    if (s.plan !== 'agency') reasons.push('PLAN_NOT_AGENCY');
    if (!s.dialerEnabled) reasons.push('DIALER_DISABLED');
    if (!s.accountSid || !s.authToken) reasons.push('TWILIO_CREDENTIALS_MISSING');
    if (!s.apiKeySid || !s.apiKeySecret) reasons.push('API_KEY_MISSING');
    if (s.dialerStatus !== 'ready' || !s.twimlAppSid) reasons.push('DIALER_NOT_READY');
    return reasons;
  }
}
