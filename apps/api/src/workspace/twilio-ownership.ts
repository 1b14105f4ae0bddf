import { HttpStatus } from '@nestjs/common';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { DomainError } from '../common/domain-error.js';

/** What Twilio answered to GET /Accounts/{sid} with the pair being saved (dialer-provisioning's probe). */
export type TwilioAccountCheck =
  | { state: 'ok'; type: 'Trial' | 'Full' }
  | { state: 'inactive'; status: string; type: 'Trial' | 'Full' }
  | { state: 'rejected'; code: number; message: string }
  | { state: 'unreachable'; reason: string };

export type TwilioAccountVerifier = (creds: { accountSid: string; authToken: string }) => Promise<TwilioAccountCheck>;

/** The unique index behind "one Twilio account per workspace" (migration TwilioAccountOwnership). */
export const ACCOUNT_SID_INDEX = 'uq_workspaces_twilio_account_sid';

/** Twilio writes SIDs as "AC" + lowercase hex: a case variant names the same account. */
export const normaliseAccountSid = (sid: string | null): string | null => (sid === null ? null : `AC${sid.slice(2).toLowerCase()}`);

export const accountTaken = () =>
  new DomainError(
    'TWILIO_ACCOUNT_TAKEN',
    'This Twilio account is already connected to another Ring Tonic workspace: one Twilio account per workspace, or use a subaccount ' +
      '(create one for this workspace in the Twilio Console under Account → Subaccounts and save its own Account SID and Auth Token).',
    HttpStatus.CONFLICT,
  );

/** Twilio's verdict on the pair as a refusal, or the account type when Twilio accepted it (an inactive account included). */
export function acceptedType(check: TwilioAccountCheck): 'Trial' | 'Full' {
  if (check.state === 'ok' || check.state === 'inactive') return check.type;
  if (check.state === 'rejected') {
    throw new DomainError(
      'TWILIO_REJECTED',
      `Twilio rejected the Account SID and Auth Token (Twilio error ${check.code}: ${check.message}). Nothing was saved: copy both from the Twilio Console (Account → API keys & tokens) and save again.`,
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
  throw new DomainError(
    'TWILIO_UNREACHABLE',
    `Twilio could not be reached to verify the Account SID and Auth Token (${check.reason}). Nothing was saved: save again to retry.`,
    HttpStatus.BAD_GATEWAY,
  );
}

const RELEASED =
  'Another Ring Tonic workspace verified this Twilio account with Twilio and now holds it: one Twilio account per workspace. ' +
  'Save the Account SID and Auth Token of your own Twilio account (or of a subaccount created for this workspace) in the Basic tab.';

/**
 * Inside the saving transaction: the account is free, or held only by an unverified save from before
 * verification existed (released here: it never proved it knows the Auth Token). A verified holder
 * refuses the save. The unique index settles two verified saves racing each other.
 */
export async function claimTwilioAccount(tx: EntityManager, workspaceId: string, accountSid: string): Promise<void> {
  const holders = (await tx.query(
    `SELECT id, twilio_account_verified_at IS NOT NULL AS verified FROM workspaces WHERE twilio_account_sid = $1 AND id <> $2 FOR UPDATE`,
    [accountSid, workspaceId],
  )) as Array<{ id: string; verified: boolean }>;
  if (holders.some((h) => h.verified)) throw accountTaken();
  for (const h of holders) {
    await tx.query(
      `UPDATE workspaces SET twilio_account_sid = NULL, twilio_auth_token_enc = NULL, twilio_account_type = NULL, twiml_app_sid = NULL,
              dialer_status = CASE WHEN dialer_enabled THEN 'not_ready' ELSE dialer_status END, dialer_status_message = $2, updated_at = now()
        WHERE id = $1`,
      [h.id, RELEASED],
    );
  }
}

export const isAccountSidTaken = (e: unknown): boolean =>
  e instanceof QueryFailedError && (e.driverError as { constraint?: string }).constraint === ACCOUNT_SID_INDEX;
