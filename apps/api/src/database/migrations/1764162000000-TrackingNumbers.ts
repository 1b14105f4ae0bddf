import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrackingNumbers1764162000000 implements MigrationInterface {
  name = 'TrackingNumbers1764162000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_campaigns_workspace_name UNIQUE (workspace_id, name)
      )`);
    await q.query(`
      CREATE TABLE phone_numbers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        e164 text NOT NULL,
        twilio_sid text NOT NULL,
        label text,
        campaign_id uuid REFERENCES campaigns(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_phone_numbers_workspace_e164 UNIQUE (workspace_id, e164)
      )`);
    // Inbound webhooks find the workspace by the called number.
    await q.query(`CREATE INDEX idx_phone_numbers_e164 ON phone_numbers (e164)`);
    await q.query(`CREATE INDEX idx_workspaces_twilio_account ON workspaces (twilio_account_sid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS idx_workspaces_twilio_account`);
    await q.query(`DROP TABLE IF EXISTS phone_numbers`);
    await q.query(`DROP TABLE IF EXISTS campaigns`);
  }
}
