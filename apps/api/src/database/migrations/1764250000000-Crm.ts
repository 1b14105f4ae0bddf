import type { MigrationInterface, QueryRunner } from 'typeorm';

// Contacts, call logs and the workspace tag dictionary (docs/crm.md explains the choices).
export class Crm1764250000000 implements MigrationInterface {
  name = 'Crm1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        phone_e164 text NOT NULL,
        name text,
        email text,
        company text,
        notes text,
        lead_status text NOT NULL DEFAULT 'new' CHECK (lead_status IN ('new', 'contacted', 'qualified', 'disqualified', 'junk')),
        deal_value_cents bigint CHECK (deal_value_cents >= 0),
        tags text[] NOT NULL DEFAULT '{}',
        next_follow_up_at timestamptz,
        source text NOT NULL DEFAULT 'manual' CHECK (source IN ('call', 'manual', 'import', 'api')),
        call_count int NOT NULL DEFAULT 0,
        last_contact_at timestamptz,
        search_text text GENERATED ALWAYS AS (lower(coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || phone_e164)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_contacts_workspace_phone UNIQUE (workspace_id, phone_e164)
      )`);
    // One (workspace, column, id) index per sortable column: keyset pages walk them in order.
    for (const [name, col] of SORT_INDEXES) {
      await q.query(`CREATE INDEX idx_contacts_sort_${name} ON contacts (workspace_id, ${col}, id)`);
    }
    await q.query(`CREATE INDEX idx_contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX idx_contacts_tags ON contacts USING gin (tags)`);

    await q.query(`
      CREATE TABLE call_logs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        twilio_call_sid text UNIQUE,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        status text NOT NULL DEFAULT 'ringing' CHECK (status IN ('ringing', 'in_progress', 'completed', 'missed', 'voicemail', 'busy', 'no_answer', 'failed', 'canceled')),
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        agent_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        tracking_number_id uuid REFERENCES phone_numbers(id) ON DELETE SET NULL,
        campaign_id uuid REFERENCES campaigns(id) ON DELETE SET NULL,
        from_e164 text NOT NULL,
        to_e164 text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        ended_at timestamptz,
        duration_seconds int NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
        recording_sid text,
        recording_url text,
        notes text,
        tags text[] NOT NULL DEFAULT '{}',
        lead_status text CHECK (lead_status IN ('new', 'contacted', 'qualified', 'disqualified', 'junk')),
        deal_value_cents bigint CHECK (deal_value_cents >= 0),
        qualified_at timestamptz,
        qualified_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_call_logs_workspace_started ON call_logs (workspace_id, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX idx_call_logs_contact ON call_logs (contact_id, started_at DESC)`);
    await q.query(`CREATE INDEX idx_call_logs_agent ON call_logs (workspace_id, agent_user_id, started_at DESC)`);

    // Contacts carry call_count / last_contact_at for fast sorting; whoever writes call logs
    // (routing, tests, imports) keeps them right through this trigger.
    await q.query(`
      CREATE FUNCTION contacts_refresh_call_stats(cid uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE contacts c SET
          call_count = (SELECT count(*) FROM call_logs l WHERE l.contact_id = cid),
          last_contact_at = (SELECT max(l.started_at) FROM call_logs l WHERE l.contact_id = cid)
        WHERE c.id = cid
      $$`);
    await q.query(`
      CREATE FUNCTION call_logs_contact_stats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.contact_id IS NOT NULL THEN PERFORM contacts_refresh_call_stats(OLD.contact_id); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.contact_id IS NOT NULL
           AND (TG_OP = 'INSERT' OR NEW.contact_id IS DISTINCT FROM OLD.contact_id OR NEW.started_at IS DISTINCT FROM OLD.started_at) THEN
          PERFORM contacts_refresh_call_stats(NEW.contact_id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_call_logs_contact_stats AFTER INSERT OR DELETE OR UPDATE OF contact_id, started_at ON call_logs
      FOR EACH ROW EXECUTE FUNCTION call_logs_contact_stats()`);

    // Tag autocomplete reads a small dictionary instead of unnesting a million rows.
    await q.query(`
      CREATE TABLE workspace_tags (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        tag text NOT NULL,
        PRIMARY KEY (workspace_id, tag)
      )`);
    await q.query(`
      CREATE FUNCTION remember_tags() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(NEW.tags) > 0 THEN
          INSERT INTO workspace_tags (workspace_id, tag) SELECT NEW.workspace_id, t FROM unnest(NEW.tags) t ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_contacts_tags AFTER INSERT OR UPDATE OF tags ON contacts FOR EACH ROW EXECUTE FUNCTION remember_tags()`);
    await q.query(`CREATE TRIGGER trg_call_logs_tags AFTER INSERT OR UPDATE OF tags ON call_logs FOR EACH ROW EXECUTE FUNCTION remember_tags()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS workspace_tags`);
    await q.query(`DROP TABLE IF EXISTS call_logs`);
    await q.query(`DROP FUNCTION IF EXISTS remember_tags()`);
    await q.query(`DROP FUNCTION IF EXISTS call_logs_contact_stats()`);
    await q.query(`DROP FUNCTION IF EXISTS contacts_refresh_call_stats(uuid)`);
    await q.query(`DROP TABLE IF EXISTS contacts`);
    // pg_trgm stays: other objects may use it, and it is harmless.
  }
}

const SORT_INDEXES: Array<[string, string]> = [
  ['name', 'name'],
  ['phone', 'phone_e164'],
  ['company', 'company'],
  ['lead_status', 'lead_status'],
  ['deal_value', 'deal_value_cents'],
  ['call_count', 'call_count'],
  ['last_contact', 'last_contact_at'],
  ['created', 'created_at'],
];
