import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764075600000 implements MigrationInterface {
  name = 'Foundation1764075600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE refresh_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_refresh_sessions_family ON refresh_sessions (family_id)`);
    await q.query(`
      CREATE TABLE login_attempts (
        key text PRIMARY KEY,
        failures int NOT NULL,
        window_started_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        plan text NOT NULL DEFAULT 'indie' CHECK (plan IN ('indie', 'agency')),
        default_country char(2) NOT NULL DEFAULT 'US',
        ring_timeout_seconds int NOT NULL DEFAULT 30 CHECK (ring_timeout_seconds BETWEEN 5 AND 120),
        record_calls boolean NOT NULL DEFAULT false,
        permission_toggles jsonb NOT NULL,
        twilio_account_sid text,
        twilio_auth_token_enc text,
        twilio_account_type text,
        dialer_enabled boolean NOT NULL DEFAULT false,
        api_key_sid text,
        api_key_secret_enc text,
        twiml_app_sid text,
        dialer_status text NOT NULL DEFAULT 'disabled' CHECK (dialer_status IN ('ready', 'not_ready', 'disabled')),
        dialer_status_message text,
        ai_enabled boolean NOT NULL DEFAULT false,
        openai_api_key_enc text,
        ai_base_url text,
        ai_transcription_model text NOT NULL DEFAULT 'whisper-1',
        ai_analysis_model text NOT NULL DEFAULT 'gpt-4o-mini',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'manager', 'member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_memberships_workspace_user UNIQUE (workspace_id, user_id)
      )`);
    await q.query(`CREATE INDEX idx_memberships_user ON memberships (user_id)`);
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        email citext NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'manager', 'member')),
        token_hash text NOT NULL UNIQUE,
        token_enc text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('email', 'outbox')),
        invited_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_invitations_workspace ON invitations (workspace_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_api_keys_workspace ON api_keys (workspace_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['api_keys', 'invitations', 'memberships', 'workspaces', 'login_attempts', 'refresh_sessions', 'users']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
