import { Logger } from '@nestjs/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { returnedRows } from '../../common/sql-rows.js';

// Issue 12, Twilio account ownership: one Twilio account per workspace (docs/decisions.md, "Twilio
// account ownership"). Saves now verify the Account SID and Auth Token with Twilio before storing
// them; `twilio_account_verified_at` records when. A unique index makes the claim atomic.
//
// Rows saved before could be unverified and could share an Account SID (an attacker's wrong token
// beside the real owner's). Per shared SID one workspace keeps the account: the one whose dialer is
// ready (provisioning fetched the Account and created the TwiML App with that very token), then
// the one Twilio told us the account type for, then the oldest. The others are released: Account
// SID, Auth Token, account type and TwiML App cleared, the dialer not ready with a message that says
// why and what to do. SIDs are stored as Twilio writes them ("AC" + lowercase hex) first, so a
// case variant cannot sit beside the original.
export const RELEASED_MESSAGE =
  'This Twilio account is also connected to another Ring Tonic workspace, which keeps it: one Twilio account per workspace. ' +
  'Save the Account SID and Auth Token of your own Twilio account (or of a subaccount created for this workspace) in the Basic tab.';

export class TwilioAccountOwnership1764650000000 implements MigrationInterface {
  name = 'TwilioAccountOwnership1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces ADD COLUMN twilio_account_verified_at timestamptz`);
    await q.query(`UPDATE workspaces SET twilio_account_sid = 'AC' || lower(substr(twilio_account_sid, 3)) WHERE twilio_account_sid ~ '^AC[0-9a-fA-F]{32}$' AND twilio_account_sid <> 'AC' || lower(substr(twilio_account_sid, 3))`);
    await q.query(`UPDATE workspaces SET twilio_account_verified_at = updated_at WHERE twilio_account_sid IS NOT NULL AND twilio_auth_token_enc IS NOT NULL AND dialer_status = 'ready'`);
    const released = returnedRows<{ id: string }>(await q.query(
      `WITH ranked AS (
         SELECT id, row_number() OVER (
                  PARTITION BY twilio_account_sid
                  ORDER BY (dialer_status = 'ready') DESC, (twilio_account_type IS NOT NULL) DESC, created_at, id) AS n
           FROM workspaces WHERE twilio_account_sid IS NOT NULL
       )
       UPDATE workspaces w SET twilio_account_sid = NULL, twilio_auth_token_enc = NULL, twilio_account_type = NULL,
              twilio_account_verified_at = NULL, twiml_app_sid = NULL,
              dialer_status = CASE WHEN w.dialer_enabled THEN 'not_ready' ELSE w.dialer_status END,
              dialer_status_message = $1, updated_at = now()
         FROM ranked r WHERE r.id = w.id AND r.n > 1
       RETURNING w.id`,
      [RELEASED_MESSAGE],
    ));
    if (released.length > 0) {
      const ids = released.map((r) => r.id).join(', ');
      new Logger('Migration').warn(`TwilioAccountOwnership: released ${released.length} workspace(s) sharing a Twilio Account SID with another (credentials cleared, dialer not ready): ${ids}`);
    }
    // Replaces the plain index of the same column; the webhook guard also looks TwiML Apps up.
    await q.query(`CREATE UNIQUE INDEX uq_workspaces_twilio_account_sid ON workspaces (twilio_account_sid)`);
    await q.query(`DROP INDEX IF EXISTS idx_workspaces_twilio_account`);
    await q.query(`CREATE INDEX idx_workspaces_twiml_app ON workspaces (twiml_app_sid) WHERE twiml_app_sid IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_workspaces_twiml_app`);
    await q.query(`CREATE INDEX idx_workspaces_twilio_account ON workspaces (twilio_account_sid)`);
    await q.query(`DROP INDEX uq_workspaces_twilio_account_sid`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN twilio_account_verified_at`);
  }
}
