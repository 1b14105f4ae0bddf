import type { MigrationInterface, QueryRunner } from 'typeorm';

// LIKE '%term%' estimates come from matching the pattern against the column's histogram: with
// 1,000 buckets a term on 1% of contacts is told from a rare one (docs/crm.md, "Lists").
export class ContactSearchStatistics1764420000000 implements MigrationInterface {
  name = 'ContactSearchStatistics1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts ALTER COLUMN search_text SET STATISTICS 1000`);
    await q.query(`ANALYZE contacts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts ALTER COLUMN search_text SET STATISTICS -1`);
  }
}
