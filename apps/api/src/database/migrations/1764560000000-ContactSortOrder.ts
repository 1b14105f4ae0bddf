import type { MigrationInterface, QueryRunner } from 'typeorm';

// Name and company sort case-insensitively and the same on every server: the ICU root collation
// ("und-x-icu") instead of the database's locale (C.UTF-8 in the embedded cluster, en_US.utf8 on
// most servers). Lead status sorts in pipeline order, not alphabetically. The keyset queries in
// contacts/contacts-query.ts use these exact expressions (docs/crm.md, "Lists at a million rows").
const LEAD_STATUS_RANK = `(CASE lead_status WHEN 'new' THEN 0 WHEN 'contacted' THEN 1 WHEN 'qualified' THEN 2 WHEN 'disqualified' THEN 3 ELSE 4 END)`;

export class ContactSortOrder1764560000000 implements MigrationInterface {
  name = 'ContactSortOrder1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS idx_contacts_sort_name`);
    await q.query(`CREATE INDEX idx_contacts_sort_name ON contacts (workspace_id, (name COLLATE "und-x-icu"), id)`);
    await q.query(`DROP INDEX IF EXISTS idx_contacts_sort_company`);
    await q.query(`CREATE INDEX idx_contacts_sort_company ON contacts (workspace_id, (company COLLATE "und-x-icu"), id)`);
    await q.query(`DROP INDEX IF EXISTS idx_contacts_sort_lead_status`);
    await q.query(`CREATE INDEX idx_contacts_sort_lead_status ON contacts (workspace_id, ${LEAD_STATUS_RANK}, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, col] of [['name', 'name'], ['company', 'company'], ['lead_status', 'lead_status']]) {
      await q.query(`DROP INDEX IF EXISTS idx_contacts_sort_${name}`);
      await q.query(`CREATE INDEX idx_contacts_sort_${name} ON contacts (workspace_id, ${col}, id)`);
    }
  }
}
