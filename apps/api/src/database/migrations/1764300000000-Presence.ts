import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Presence1764300000000 implements MigrationInterface {
  name = 'Presence1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Intended status (what the agent chose) is kept apart from the effective one (what routing uses).
    await q.query(`
      CREATE TABLE agent_presence (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        intended_status text NOT NULL DEFAULT 'online' CHECK (intended_status IN ('online', 'away', 'dnd')),
        effective_status text NOT NULL DEFAULT 'offline' CHECK (effective_status IN ('online', 'away', 'dnd', 'in_call', 'offline')),
        in_call boolean NOT NULL DEFAULT false,
        last_heartbeat_at timestamptz,
        status_since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, user_id)
      )`);
    await q.query(`CREATE INDEX idx_agent_presence_stale ON agent_presence (last_heartbeat_at) WHERE effective_status <> 'offline'`);
    // @socket.io/postgres-adapter keeps payloads over 8,000 bytes here.
    await q.query(`
      CREATE TABLE IF NOT EXISTS socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS socket_io_attachments`);
    await q.query(`DROP TABLE IF EXISTS agent_presence`);
  }
}
