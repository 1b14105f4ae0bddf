import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 12, API keys: an optional expiry (null = never). last_used_at already exists; it is now
// stamped with a conditional UPDATE (at most once a minute per key, whichever instance wins).
export class ApiKeyExpiry1764614000000 implements MigrationInterface {
  name = 'ApiKeyExpiry1764614000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys ADD COLUMN expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys DROP COLUMN expires_at`);
  }
}
