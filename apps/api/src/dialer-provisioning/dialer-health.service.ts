import { Injectable } from '@nestjs/common';
import { can, type DialerCheck, type DialerHealth, type DialerUnavailableReason } from '@ringtonic/contracts';
import type { WorkspaceAccess } from '../common/request-context.js';
import { type TwilioSecrets, WorkspaceService } from '../workspace/workspace.service.js';
import { isAccountInactive, isAccountProblem, TRIAL_WARNING } from './dialer-provisioning.service.js';
import { PhoneNumbersService } from './phone-numbers.service.js';
import { type TwilioProbe, TwilioProbes } from './twilio-probe.js';

const check = (id: DialerCheck['id'], ok: boolean, okMessage: string, problem: string, fix: string): DialerCheck =>
  ok ? { id, ok, message: okMessage, fix: null } : { id, ok, message: problem, fix };

/** One check per cause in the seed's troubleshooting list, each with its fix. */
@Injectable()
export class DialerHealthService {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly numbers: PhoneNumbersService,
    private readonly probes: TwilioProbes,
  ) {}

  /**
   * The checklist: the stored provisioning state, corrected by a live read of the Account and App
   * (cached 30 s) when the caller may manage the workspace and the plan and the enabled switch
   * pass — other callers, and workspaces that cannot dial anyway, never make the server call Twilio.
   */
  async health(access: WorkspaceAccess): Promise<DialerHealth> {
    const s = await this.workspaces.twilioCredentials(access.workspaceId);
    const asksTwilio = s.plan === 'agency' && s.dialerEnabled && can(access.role, 'workspace.manage', access.toggles);
    const [numberCount, live] = await Promise.all([this.numbers.count(access.workspaceId), asksTwilio ? this.probes.probe(s) : null]);
    const checks: DialerCheck[] = [
      check('role', can(access.role, 'calls.make', access.toggles), `Your role (${access.role}) can use the dialer.`,
        `Your role is ${access.role}: only Agent, Admin or Owner can use the dialer.`, 'Ask an admin to change your role to Agent on the Members page.'),
      check('plan', s.plan === 'agency', 'The workspace is on the Agency plan.',
        'The Browser Dialer is only available on the Agency plan.', 'An owner can upgrade in Settings → Plan.'),
      check('enabled', s.dialerEnabled, 'The dialer is enabled.',
        'The dialer is not enabled.', 'Go to Settings → Dialer, toggle Enable Dialer on and click Update Workspace.'),
      credentialsCheck(s, live),
      check('api_key', Boolean(s.apiKeySid && s.apiKeySecret), 'The Twilio API Key is configured.',
        'The Twilio API Key is missing.', 'Create a Standard API Key in the Twilio Console and paste its SID and Secret in Settings → Dialer.'),
      appCheck(s, live),
      check('tracking_numbers', numberCount > 0, `${numberCount} tracking number${numberCount === 1 ? '' : 's'} available as caller ID.`,
        'No tracking numbers in the workspace: agents cannot make outbound calls.', 'Import at least one number from Twilio on the Phone numbers page.'),
      trialCheck(live && (live.account.state === 'ok' || live.account.state === 'inactive') ? live.account.type : s.accountType),
    ];
    // A trial account works, with limits; everything else — the caller's role too — must be ok.
    return { ready: checks.every((c) => c.ok || c.id === 'trial_account'), checks };
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

const RETRY = 'then save the workspace settings again: Ring Tonic will retry provisioning.';

/** `live` null: Twilio not asked (see health()); the checks say what the last save found. */
function credentialsCheck(s: TwilioSecrets, live: TwilioProbe | null): DialerCheck {
  const id = 'credentials';
  if (!s.accountSid || !s.authToken) return check(id, false, '', 'Twilio credentials are missing.', 'Add your Account SID and Auth Token in Settings → Basic.');
  if (!live) return storedCredentialsCheck(s);
  const a = live.account;
  if (a.state === 'rejected') {
    return check(id, false, '', `Twilio rejected the Account SID and Auth Token (Twilio error ${a.code}).`, `Correct them in Settings → Basic (copy both from the Twilio Console home page), ${RETRY}`);
  }
  if (a.state === 'inactive') {
    return check(id, false, '', `Your Twilio account is ${a.status}.`, `Reactivate it in the Twilio Console (Billing), ${RETRY}`);
  }
  if (a.state === 'unreachable') {
    return check(id, false, '', `Twilio could not be reached to verify the credentials (${a.reason}).`, 'Check that this server can reach api.twilio.com, then reload this checklist.');
  }
  return check(id, true, 'Twilio accepts the Account SID and Auth Token.', '', '');
}

/** Provisioning records the account type once Twilio answers the Account fetch, and why it is not ready. */
function storedCredentialsCheck(s: TwilioSecrets): DialerCheck {
  const lastSave = s.dialerStatus === 'not_ready' && isAccountProblem(s.dialerStatusMessage) ? s.dialerStatusMessage : null;
  if (s.accountType !== null && !isAccountInactive(lastSave)) {
    return check('credentials', true, 'Twilio accepted the Account SID and Auth Token when the settings were last saved.', '', '');
  }
  const canVerify = s.plan === 'agency' && s.dialerEnabled;
  return check('credentials', false, '',
    lastSave ? `At the last save: ${lastSave}` : 'The Twilio credentials have not been verified with Twilio yet.',
    canVerify ? `Correct them in Settings → Basic if needed, ${RETRY} An owner or admin sees Twilio's live answer here.`
      : 'They are verified once the workspace is on the Agency plan with the dialer enabled and the settings saved.');
}

function appCheck(s: TwilioSecrets, live: TwilioProbe | null): DialerCheck {
  const id = 'twiml_app';
  if (live?.app === 'deleted') {
    return check(id, false, '', `The TwiML Application ${s.twimlAppSid} was deleted in Twilio.`, `Save the workspace settings again: Ring Tonic will create a new one.`);
  }
  const provisioned = s.dialerStatus === 'ready' && Boolean(s.twimlAppSid);
  return check(id, provisioned, `The TwiML Application ${s.twimlAppSid ?? ''} is provisioned.`,
    s.dialerStatusMessage && s.dialerStatus === 'not_ready' ? `Dialer not ready: ${s.dialerStatusMessage}` : 'The TwiML Application is not provisioned.',
    `Fix what the message says, ${RETRY}`);
}

function trialCheck(type: 'Trial' | 'Full' | null): DialerCheck {
  const fix = 'Log into the Twilio Console and click Upgrade (Billing → Upgrade).';
  if (type === null) {
    return check('trial_account', false, '', 'The Twilio account type is not known yet: Ring Tonic reads it from Twilio once the credentials work.',
      'Save valid Twilio credentials in Settings → Basic; the account type is checked then.');
  }
  return check('trial_account', type === 'Full', 'Your Twilio account is upgraded.', TRIAL_WARNING, fix);
}
