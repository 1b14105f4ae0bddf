import type { MigrationInterface, QueryRunner } from 'typeorm';

// Name and company sort the same on every server: the ICU root collation ("und-x-icu": letters
// first, case only as a tie-breaker with lower case first) instead of the database's locale
// (C.UTF-8 in the embedded cluster, en_US.utf8 on most servers). Lead status sorts in pipeline
// order, not alphabetically. The keyset queries in contacts/contacts-query.ts use these exact
// expressions (docs/crm.md, "Lists at a million rows").
//
// One transaction, no CONCURRENTLY (docs/crm.md, "Upgrading"): the new indexes are built first under
// temporary names (a SHARE lock: contact reads go on, contact writes wait for the build), and the old
// ones are dropped and the new ones renamed at the end, so the ACCESS EXCLUSIVE lock a DROP INDEX
// takes is held only for the moment before the commit.
const LEAD_STATUS_RANK = `(CASE lead_status WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'qualified' THEN 2 WHEN 'disqualified' THEN 3 ELSE 4 END)`;
const SORT_INDEXES: Array<[name: string, expression: string]> = [
  ['name', '(name COLLATE "und-x-icu")'],
  ['company', '(company COLLATE "und-x-icu")'],
  ['lead_status', LEAD_STATUS_RANK],
];

export const ICU_REQUIRED =
  'The contact list sorts names in the ICU root collation "und-x-icu", which this database cannot use. ' +
  'RingTonic needs PostgreSQL built with ICU (the official postgres Docker images, most distribution ' +
  'packages and the embedded PostgreSQL are) and a database in an encoding ICU supports (UTF8; not SQL_ASCII).';

/** Fails with a plain message, before any DDL, when "und-x-icu" is missing or unusable here. */
export async function assertIcuCollation(q: QueryRunner): Promise<void> {
  const found = (await q.query(`SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'`)) as unknown[];
  if (found.length === 0) throw new Error(`${ICU_REQUIRED} (pg_collation has no "und-x-icu": this PostgreSQL was built without ICU.)`);
  const [{ encoding }] = (await q.query(`SELECT getdatabaseencoding() AS encoding`)) as [{ encoding: string }];
  try {
    await q.query(`SELECT 'a' < ('B' COLLATE "und-x-icu") AS usable`);
  } catch (e) {
    throw new Error(`${ICU_REQUIRED} (database encoding ${encoding}: ${(e as Error).message})`);
  }
}

export class ContactSortOrder1764560000000 implements MigrationInterface {
  name = 'ContactSortOrder1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await assertIcuCollation(q);
    for (const [name, expression] of SORT_INDEXES) {
      await q.query(`DROP INDEX IF EXISTS idx_contacts_sort_${name}_new`);
      await q.query(`CREATE INDEX idx_contacts_sort_${name}_new ON contacts (workspace_id, ${expression}, id)`);
    }
    for (const [name] of SORT_INDEXES) {
      await q.query(`DROP INDEX IF EXISTS idx_contacts_sort_${name}`);
      await q.query(`ALTER INDEX idx_contacts_sort_${name}_new RENAME TO idx_contacts_sort_${name}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['name', 'company', 'lead_status']) {
      await q.query(`DROP INDEX IF EXISTS idx_contacts_sort_${name}`);
      await q.query(`CREATE INDEX idx_contacts_sort_${name} ON contacts (workspace_id, ${name}, id)`);
    }
  }
}
