// The CRM half as a user meets it, in Chromium: contacts, inline edits, bulk tags, call logs, reports.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { logIn as productLogIn, useProduct } from './product-session.mjs';

const product = useProduct();
const logIn = (page, email, password) => productLogIn(page, product.server.url, email, password);

async function addContact(page, phone, name) {
  await page.getByRole('button', { name: 'Add Contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Contact' });
  await dialog.getByLabel('Phone').fill(phone);
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.waitFor({ state: 'detached' });
}

// Calls arrive from Twilio through routing; here they are written straight into the product's database.
async function seedCalls() {
  const db = new pg.Client({ host: '127.0.0.1', port: product.server.pgPort, user: 'ringtonic', password: 'ringtonic-embedded', database: 'ringtonic' });
  await db.connect();
  try {
    const { rows: [ws] } = await db.query(`SELECT id FROM workspaces WHERE name = 'Demo Agency'`);
    const { rows: users } = await db.query(`SELECT id, email FROM users WHERE email LIKE 'agent%@demo.ringtonic.test' ORDER BY email`);
    const { rows: contacts } = await db.query(`SELECT id, phone_e164 FROM contacts WHERE workspace_id = $1 ORDER BY created_at`, [ws.id]);
    const calls = [
      [users[0].id, contacts[0], 'outbound', 'completed', 26, 420, 'qualified', 500000, 'Wants the premium plan for three sites'],
      [users[1].id, contacts[0], 'inbound', 'completed', 2, 95, 'junk', null, 'Said the first call was a mistake'],
      [users[1].id, contacts[1], 'inbound', 'completed', 5, 310, 'qualified', 125000, 'Ready to buy after the demo'],
      [null, contacts[1], 'inbound', 'missed', 1, 0, null, null, null],
    ];
    for (const [agent, contact, direction, status, hoursAgo, duration, lead, deal, notes] of calls) {
      await db.query(
        `INSERT INTO call_logs (workspace_id, direction, status, contact_id, agent_user_id, from_e164, to_e164, started_at, answered_at, ended_at,
           duration_seconds, lead_status, deal_value_cents, notes, qualified_at, qualified_by_user_id)
         VALUES ($1, $2, $3, $4, $5::uuid, $6, $7, now() - make_interval(hours => $8::int), CASE WHEN $9::int > 0 THEN now() - make_interval(hours => $8::int) END,
           now() - make_interval(hours => $8::int) + make_interval(secs => $9::int), $9::int, $10::text, $11::bigint, $12::text,
           CASE WHEN $10::text IS NOT NULL THEN now() END, CASE WHEN $10::text IS NOT NULL THEN $5::uuid END)`,
        [ws.id, direction, status, contact.id, agent, direction === 'inbound' ? contact.phone_e164 : '+14155550100', direction === 'inbound' ? '+14155550100' : contact.phone_e164, hoursAgo, duration, lead, deal, notes],
      );
    }
  } finally {
    await db.end();
  }
}

test('should create contacts, edit one inline across a reload, bulk-tag two, and open call logs and the report', async () => {
  const page = await product.browser.newPage({ viewport: { width: 1360, height: 860 } });
  await logIn(page, 'owner@demo.ringtonic.test');
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('heading', { name: 'Contacts' }).waitFor();

  // A national format is normalised with the workspace's country (US).
  await addContact(page, '(212) 555-0142', 'Jordan Lee');
  await addContact(page, '415.555.0199', 'Casey Kim');
  const table = page.getByRole('table', { name: 'Contacts' });
  await table.getByText('(212) 555-0142').waitFor();
  await table.getByText('(415) 555-0199').waitFor();

  // Inline edit: it saves itself, and survives a reload.
  // The row's phone action (opens the dialer widget) is there for the owner.
  assert.equal(await table.getByRole('button', { name: 'Call Jordan Lee' }).count(), 1);
  await table.getByRole('button', { name: 'Jordan Lee', exact: true }).click();
  let sheet = page.getByRole('dialog', { name: 'Jordan Lee' });
  await sheet.getByLabel(/^Company/).fill('Lee Plumbing');
  await sheet.getByText('Saved').waitFor();
  await page.reload();
  await page.getByRole('table', { name: 'Contacts' }).getByRole('button', { name: 'Jordan Lee', exact: true }).click();
  sheet = page.getByRole('dialog', { name: 'Jordan Lee' });
  assert.equal(await sheet.getByLabel(/^Company/).inputValue(), 'Lee Plumbing');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await sheet.waitFor({ state: 'detached' });

  // Bulk: select both contacts and tag them.
  await page.getByRole('checkbox', { name: 'Select Jordan Lee' }).click();
  await page.getByRole('checkbox', { name: 'Select Casey Kim' }).click();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await bar.getByText('2 selected').waitFor();
  await bar.getByRole('button', { name: 'Add tags' }).click();
  const tagDialog = page.getByRole('dialog', { name: 'Add tags' });
  await tagDialog.getByLabel('Tags').fill('Hot Lead');
  await tagDialog.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('2 contacts updated').waitFor();
  assert.equal(await page.getByRole('table', { name: 'Contacts' }).getByText('Hot Lead').count(), 2);

  await seedCalls();
  await page.reload();
  await page.getByRole('table', { name: 'Contacts' }).getByText('Hot Lead').first().waitFor();
  await page.screenshot({ path: join(product.shots, 'contacts.png') });
  await page.getByRole('table', { name: 'Contacts' }).getByRole('button', { name: 'Jordan Lee', exact: true }).click();
  sheet = page.getByRole('dialog', { name: 'Jordan Lee' });
  await sheet.getByText('Wants the premium plan for three sites').waitFor();
  await page.screenshot({ path: join(product.shots, 'contact-detail.png') });
  await sheet.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('link', { name: 'Call logs', exact: true }).click();
  const logs = page.getByRole('table', { name: 'Call logs' });
  await logs.waitFor();
  assert.equal(await logs.getByRole('row').count(), 5, 'header + four calls');
  await page.screenshot({ path: join(product.shots, 'call-logs.png') });

  await page.getByRole('link', { name: 'Reports', exact: true }).click();
  const board = page.getByRole('table', { name: 'Agent leaderboard' });
  await board.waitFor();
  const alice = board.getByRole('row', { name: /Alice Agent/ });
  await alice.getByText('$5,000.00').waitFor();
  await page.screenshot({ path: join(product.shots, 'reports.png'), fullPage: true });

  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await page.getByText('Welcome to Demo Agency').waitFor();
  await page.getByRole('region', { name: 'Today at a glance' }).getByText(/^\$[\d,]+\.\d\d$/).waitFor();
  await page.screenshot({ path: join(product.shots, 'dashboard-cards.png') });
  await page.close();
});

test('should hide editing from a member, who can still view contacts', async () => {
  const page = await product.browser.newPage();
  await logIn(page, 'member@demo.ringtonic.test');
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('table', { name: 'Contacts' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add Contact' }).count(), 0);
  assert.equal(await page.getByRole('checkbox').count(), 0);
  await page.close();
});
