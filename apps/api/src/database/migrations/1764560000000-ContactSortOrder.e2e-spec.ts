import pg from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { ContactSortOrder1764560000000, ICU_REQUIRED } from './1764560000000-ContactSortOrder.js';

// The ICU guard runs before any DDL: a PostgreSQL without ICU, or a database ICU cannot serve,
// gets a message that says what is needed instead of "collation … does not exist" mid-migration.
describe('migration ContactSortOrder (e2e)', () => {
  const base = new URL(process.env.TEST_DATABASE_URL!);

  it('should refuse with the ICU message, before any DDL, when pg_collation has no "und-x-icu"', async () => {
    const sent: string[] = [];
    const fake = {
      query: async (text: string) => {
        sent.push(text);
        if (text.includes('pg_collation')) return [];
        throw new Error(`unexpected statement: ${text}`);
      },
    } as unknown as QueryRunner;
    await expect(new ContactSortOrder1764560000000().up(fake)).rejects.toThrow(`${ICU_REQUIRED} (pg_collation has no "und-x-icu": this PostgreSQL was built without ICU.)`);
    expect(sent).toEqual([`SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'`]);
  });

  /** A throwaway database holding just the columns the migration indexes; a query runner inside a transaction. */
  async function inScratchDatabase(encoding: 'SQL_ASCII' | 'UTF8', fn: (q: QueryRunner) => Promise<void>): Promise<void> {
    const name = `ringtonic_sort_${encoding.toLowerCase()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} ENCODING '${encoding}' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      const ds = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
      const q = ds.createQueryRunner();
      try {
        await q.query(`CREATE TABLE contacts (id uuid, workspace_id uuid, name text, company text, lead_status text)`);
        await q.query(`CREATE INDEX idx_contacts_sort_name ON contacts (workspace_id, name, id)`);
        await q.startTransaction();
        await fn(q);
      } finally {
        if (q.isTransactionActive) await q.rollbackTransaction();
        await q.release();
        await ds.destroy();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  }
  const indexDefs = async (q: QueryRunner) =>
    ((await q.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'contacts' ORDER BY indexname`)) as Array<{ indexdef: string }>).map((r) =>
      r.indexdef.replace(' ON public.contacts USING btree', ''),
    );

  it('should refuse with the ICU message in a SQL_ASCII database, where ICU collations cannot be used, and change nothing', async () => {
    await inScratchDatabase('SQL_ASCII', async (q) => {
      await expect(new ContactSortOrder1764560000000().up(q)).rejects.toThrow(`${ICU_REQUIRED} (database encoding SQL_ASCII: `);
      await q.rollbackTransaction();
      expect(await indexDefs(q)).toEqual(['CREATE INDEX idx_contacts_sort_name (workspace_id, name, id)']);
    });
  });

  it('should replace the three sort indexes by ones on the sort expressions where ICU is available', async () => {
    await inScratchDatabase('UTF8', async (q) => {
      await new ContactSortOrder1764560000000().up(q);
      await q.commitTransaction();
      expect(await indexDefs(q)).toEqual([
        'CREATE INDEX idx_contacts_sort_company (workspace_id, company COLLATE "und-x-icu", id)',
        expect.stringMatching(/^CREATE INDEX idx_contacts_sort_lead_status \(workspace_id, \(\s*CASE lead_status/),
        'CREATE INDEX idx_contacts_sort_name (workspace_id, name COLLATE "und-x-icu", id)',
      ]);
    });
  });
});
