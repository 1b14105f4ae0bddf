import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 12, accounts: the login throttle's account-wide key needs the time of its last checked
// attempt (progressive slow-down), and a session family its login time (absolute lifetime, which
// rotation copies forward). Existing families take their oldest row's creation as their login.
export class AccountSecurity1764612000000 implements MigrationInterface {
  name = 'AccountSecurity1764612000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_attempts ADD COLUMN last_attempt_at timestamptz`);
    await q.query(`ALTER TABLE refresh_sessions ADD COLUMN authenticated_at timestamptz`);
    await q.query(`
      UPDATE refresh_sessions s SET authenticated_at = f.started
        FROM (SELECT family_id, min(created_at) AS started FROM refresh_sessions GROUP BY family_id) f
       WHERE f.family_id = s.family_id`);
    await q.query(`ALTER TABLE refresh_sessions ALTER COLUMN authenticated_at SET DEFAULT now(), ALTER COLUMN authenticated_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_sessions DROP COLUMN authenticated_at`);
    await q.query(`ALTER TABLE login_attempts DROP COLUMN last_attempt_at`);
  }
}
