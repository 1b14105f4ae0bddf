import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Routing1764350000000 implements MigrationInterface {
  name = 'Routing1764350000000';

  async up(q: QueryRunner): Promise<void> {
    // An inbound call while it rings: the caller waits in conference `call-<call_log_id>`.
    await q.query(`
      CREATE TABLE ringing_calls (
        call_log_id uuid PRIMARY KEY REFERENCES call_logs(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        caller_call_sid text NOT NULL UNIQUE,
        from_e164 text NOT NULL,
        caller_name text,
        tracking_number text NOT NULL,
        campaign_name text,
        state text NOT NULL DEFAULT 'ringing' CHECK (state IN ('ringing', 'claimed', 'connected', 'ended')),
        ring_deadline timestamptz NOT NULL,
        claimed_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        claimed_at timestamptz,
        ended_reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_ringing_calls_live ON ringing_calls (state, ring_deadline) WHERE state IN ('ringing', 'claimed')`);
    // Who was rung for a call, and who declined.
    await q.query(`
      CREATE TABLE call_offers (
        call_log_id uuid NOT NULL REFERENCES ringing_calls(call_log_id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        offered_at timestamptz NOT NULL DEFAULT now(),
        declined_at timestamptz,
        PRIMARY KEY (call_log_id, user_id)
      )`);
    await q.query(`CREATE INDEX idx_call_offers_user ON call_offers (user_id) WHERE declined_at IS NULL`);
    // Twilio's status callbacks arrive out of order: keep the highest SequenceNumber seen per call.
    await q.query(`ALTER TABLE call_logs ADD COLUMN last_sequence int NOT NULL DEFAULT -1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE call_logs DROP COLUMN IF EXISTS last_sequence`);
    await q.query(`DROP TABLE IF EXISTS call_offers`);
    await q.query(`DROP TABLE IF EXISTS ringing_calls`);
  }
}
