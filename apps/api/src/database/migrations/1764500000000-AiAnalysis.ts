import type { MigrationInterface, QueryRunner } from 'typeorm';

// AI analysis lives on the call log beside — never over — what a person set (docs/ai.md).
export class AiAnalysis1764500000000 implements MigrationInterface {
  name = 'AiAnalysis1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE call_logs
        ADD COLUMN ai_status text CHECK (ai_status IN ('pending', 'transcribing', 'analysing', 'done', 'failed')),
        ADD COLUMN ai_error text,
        ADD COLUMN ai_attempts int NOT NULL DEFAULT 0,
        ADD COLUMN ai_transcript text,
        ADD COLUMN ai_summary text,
        ADD COLUMN ai_lead_status text CHECK (ai_lead_status IN ('new', 'contacted', 'qualified', 'disqualified', 'junk')),
        ADD COLUMN ai_deal_value_cents bigint CHECK (ai_deal_value_cents >= 0),
        ADD COLUMN ai_keywords text[] NOT NULL DEFAULT '{}',
        ADD COLUMN ai_tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN ai_caller_name text,
        ADD COLUMN ai_confidence real,
        ADD COLUMN ai_model text,
        ADD COLUMN ai_sandbox boolean NOT NULL DEFAULT false,
        ADD COLUMN ai_analysed_at timestamptz,
        ADD COLUMN ai_accepted_at timestamptz,
        ADD COLUMN ai_accepted_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE workspaces ADD COLUMN recording_announcement text`);
    // A name the AI heard may be replaced by a later call's; one a person typed never is.
    await q.query(`ALTER TABLE contacts ADD COLUMN name_set_by_ai boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts DROP COLUMN name_set_by_ai`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN recording_announcement`);
    await q.query(`
      ALTER TABLE call_logs
        DROP COLUMN ai_status, DROP COLUMN ai_error, DROP COLUMN ai_attempts, DROP COLUMN ai_transcript, DROP COLUMN ai_summary,
        DROP COLUMN ai_lead_status, DROP COLUMN ai_deal_value_cents, DROP COLUMN ai_keywords, DROP COLUMN ai_tags,
        DROP COLUMN ai_caller_name, DROP COLUMN ai_confidence, DROP COLUMN ai_model, DROP COLUMN ai_sandbox,
        DROP COLUMN ai_analysed_at, DROP COLUMN ai_accepted_at, DROP COLUMN ai_accepted_by_user_id`);
  }
}
