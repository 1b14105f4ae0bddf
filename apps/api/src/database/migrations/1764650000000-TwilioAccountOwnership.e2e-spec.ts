import pg from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { RELEASED_MESSAGE, TwilioAccountOwnership1764650000000 } from './1764650000000-TwilioAccountOwnership.js';

// Before this migration a save stored any Account SID unverified, so one SID could sit on several
// workspaces (an attacker's wrong token beside the real owner's, saved later). Per SID one keeps it —
// the ready dialer, else the one Twilio told us the type for, else the oldest; never "newest" — and
// the unique index then makes the claim atomic.
describe('migration TwilioAccountOwnership (e2e)', () => {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const hex = (c: string) => c.repeat(32);
  const SHARED = `AC${hex('a')}`;
  const CASED = `AC${hex('b')}`;
  const ALONE = `AC${hex('c')}`;

  async function inScratchDatabase(fn: (q: QueryRunner) => Promise<void>): Promise<void> {
    const name = `ringtonic_twilio_owner_${process.pid}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      const ds = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
      const q = ds.createQueryRunner();
      try {
        await q.query(`CREATE TABLE workspaces (
          id text PRIMARY KEY, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
          twilio_account_sid text, twilio_auth_token_enc text, twilio_account_type text, twiml_app_sid text,
          dialer_enabled boolean NOT NULL, dialer_status text NOT NULL, dialer_status_message text)`);
        await q.query(`CREATE INDEX idx_workspaces_twilio_account ON workspaces (twilio_account_sid)`);
        await fn(q);
      } finally {
        await q.release();
        await ds.destroy();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  }

  const row = (id: string, created: string, updated: string, sid: string, type: string | null, status: string, app: string | null) =>
    [id, created, updated, sid, `sealed-${id}`, type, app, true, status, null];

  it('should keep each shared Account SID on one workspace (ready first, never the newest save), release the others and make the SID unique', async () => {
    await inScratchDatabase(async (q) => {
      const rows = [
        row('victim', '2026-01-01', '2026-01-02', SHARED, 'Full', 'ready', `AP${hex('1')}`),
        row('attacker', '2026-06-01', '2026-06-02', SHARED, null, 'not_ready', null), // saved last, unverified
        row('cased-old', '2026-01-01', '2026-01-01', CASED.toUpperCase().replace(/^AC/, 'AC'), null, 'not_ready', null),
        row('cased-typed', '2026-02-01', '2026-02-01', CASED, 'Trial', 'not_ready', null),
        row('alone', '2026-03-01', '2026-03-01', ALONE, null, 'not_ready', null),
      ];
      for (const r of rows) await q.query(`INSERT INTO workspaces VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, r);

      await new TwilioAccountOwnership1764650000000().up(q);

      const after = (await q.query(
        `SELECT id, twilio_account_sid AS sid, twilio_auth_token_enc AS token, twiml_app_sid AS app, dialer_status AS status,
                dialer_status_message AS message, twilio_account_verified_at IS NOT NULL AS verified FROM workspaces ORDER BY id`,
      )) as Array<Record<string, unknown>>;
      const released = { sid: null, token: null, app: null, status: 'not_ready', message: RELEASED_MESSAGE, verified: false };
      expect(after).toEqual([
        { id: 'alone', sid: ALONE, token: 'sealed-alone', app: null, status: 'not_ready', message: null, verified: false },
        { id: 'attacker', ...released },
        { id: 'cased-old', ...released },
        { id: 'cased-typed', sid: CASED, token: 'sealed-cased-typed', app: null, status: 'not_ready', message: null, verified: false },
        { id: 'victim', sid: SHARED, token: 'sealed-victim', app: `AP${hex('1')}`, status: 'ready', message: null, verified: true },
      ]);
      await expect(q.query(`UPDATE workspaces SET twilio_account_sid = $1 WHERE id = 'alone'`, [SHARED])).rejects.toThrow(/uq_workspaces_twilio_account_sid/);
    });
  });
});
