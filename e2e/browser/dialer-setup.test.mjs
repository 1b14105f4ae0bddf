// Dialer setup as an admin meets it: the seeded demo is ready; a fresh workspace explains what is missing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { withoutToasts } from './browser.mjs';
import { logIn as productLogIn, useProduct } from './product-session.mjs';

const product = useProduct();
const logIn = (page, email, password) => productLogIn(page, product.server.url, email, password);

test('should show the seeded demo dialer as ready, and its tracking numbers with campaigns', async () => {
  const page = await product.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await logIn(page, 'owner@demo.ringtonic.test');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Dialer' }).click();
  await page.getByText('Dialer ready').waitFor();
  await page.getByRole('list', { name: 'Setup checklist' }).waitFor();
  await withoutToasts(page);
  await page.screenshot({ path: join(product.shots, 'dialer-ready.png'), fullPage: true });

  await page.getByRole('link', { name: 'Phone numbers', exact: true }).click();
  const table = page.getByRole('table', { name: 'Tracking numbers' });
  await table.getByText('(415) 555-0100').waitFor();
  assert.equal(await table.getByRole('row').count(), 4, 'header + three demo numbers');
  await table.getByText('Google Ads').first().waitFor();
  const campaigns = page.getByRole('table', { name: 'Campaigns' });
  await campaigns.getByText('Facebook Ads').waitFor();
  assert.equal(await campaigns.getByText('Google Ads').count(), 1, 'both demo campaigns are listed');
  await withoutToasts(page);
  await page.screenshot({ path: join(product.shots, 'phone-numbers.png'), fullPage: true });
  await page.close();
});

test('should explain "Dialer not ready" with the checklist when the credentials are wrong', async () => {
  const page = await product.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${product.server.url}/signup`);
  await page.getByLabel('Name', { exact: true }).fill('Wendy Wrong');
  await page.getByLabel('Email').fill('wendy@example.test');
  await page.getByLabel('Password').fill('wendy-password');
  await page.getByLabel('Workspace name').fill('Wrong Creds Inc');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Welcome to Wrong Creds Inc').waitFor();

  // Owner upgrades and saves a real (sandbox) account's credentials, verified by the save; then the
  // Auth Token is rotated in Twilio, so the stored one is what Twilio now rejects.
  const sandboxJson = async (path, method, body) => {
    const res = await fetch(`${product.server.sandboxUrl}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok(res.ok, `${method} ${path} → ${res.status}`);
    return res.json();
  };
  const account = await sandboxJson('/sandbox/accounts', 'POST', {});
  const token = await page.evaluate(async () => (await (await fetch('/api/v1/auth/refresh', { method: 'POST' })).json()).accessToken);
  const ws = page.url().match(/\/w\/([0-9a-f-]{36})/)[1];
  const patch = (body) =>
    page.evaluate(
      async ([w, t, b]) => (await fetch(`/api/v1/workspaces/${w}`, { method: 'PATCH', headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' }, body: JSON.stringify(b) })).status,
      [ws, token, body],
    );
  assert.equal(await patch({ plan: 'agency', twilio: { accountSid: account.accountSid, authToken: 'f'.repeat(32) } }), 422, 'a wrong pair is refused');
  assert.equal(await patch({ plan: 'agency', twilio: { accountSid: account.accountSid, authToken: account.authToken } }), 200);
  await sandboxJson(`/sandbox/accounts/${account.accountSid}`, 'PATCH', { authToken: 'e'.repeat(32) });

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Dialer' }).click();
  await page.getByLabel('Enable Dialer').click();
  await page.getByLabel('API Key SID').fill('SK' + '1'.repeat(32));
  await page.getByLabel('API Key Secret').fill('some-secret-value');
  await page.getByRole('button', { name: 'Update Workspace' }).click();
  await page.getByText('Dialer not ready').waitFor();
  await page.getByText(/Twilio rejected the Account SID and Auth Token/).first().waitFor();
  await page.getByRole('list', { name: 'Setup checklist' }).waitFor();
  await withoutToasts(page);
  await page.screenshot({ path: join(product.shots, 'dialer-not-ready.png'), fullPage: true });
  await page.close();
});
