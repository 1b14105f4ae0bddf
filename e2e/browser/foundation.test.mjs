// The foundation as a user meets it, in Chromium: log in, sign up, invite and accept, roles.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { logIn as productLogIn, useProduct } from './product-session.mjs';

const product = useProduct();
const logIn = (page, email, password) => productLogIn(page, product.server.url, email, password);

test('should show the app with its navigation when the demo owner logs in', async () => {
  const page = await product.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await logIn(page, 'owner@demo.ringtonic.test');
  for (const name of ['Dashboard', 'Contacts', 'Call logs', 'Phone numbers', 'Members', 'Settings']) {
    assert.equal(await page.getByRole('link', { name, exact: true }).count(), 1, `nav link ${name}`);
  }
  await page.getByText('Welcome to Demo Agency').waitFor();
  await page.screenshot({ path: join(product.shots, 'dashboard-owner.png') });

  await page.getByRole('link', { name: 'Members', exact: true }).click();
  const members = page.getByRole('table', { name: 'Members' });
  await members.waitFor();
  assert.equal(await members.getByRole('row').count(), 7, 'header + six demo members');
  await page.screenshot({ path: join(product.shots, 'members.png') });

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Basic' }).waitFor();
  await page.screenshot({ path: join(product.shots, 'settings-basic.png') });
  for (const tab of ['Basic', 'Dialer', 'Plan', 'Permissions', 'API keys']) assert.equal(await page.getByRole('tab', { name: tab }).count(), 1);
  await page.close();
});

test('should create an API key that is shown once, list it with its expiry, and revoke it', async () => {
  const page = await product.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await logIn(page, 'admin@demo.ringtonic.test');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'API keys' }).click();
  const form = page.getByRole('form', { name: 'Create an API key' });
  await form.getByLabel('Key name').fill('Zapier');
  await form.getByRole('combobox').click();
  await page.getByRole('option', { name: 'In 30 days' }).click();
  await form.getByRole('button', { name: 'Create key' }).click();
  const secret = await page.getByLabel('Your new API key').inputValue();
  assert.match(secret, /^rt_/);

  const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Zapier/ });
  await row.waitFor();
  assert.match(await row.innerText(), /Never used/);
  const workspace = `${product.server.url}/api/v1/workspaces/${new URL(page.url()).pathname.split('/')[2]}`;
  const asKey = () => fetch(workspace, { headers: { authorization: `Bearer ${secret}` } });
  assert.equal((await asKey()).status, 200, 'the key reads its workspace');
  await page.screenshot({ path: join(product.shots, 'settings-api-keys.png') });

  await row.getByRole('button', { name: 'Revoke Zapier' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await row.waitFor({ state: 'detached' });
  assert.equal((await asKey()).status, 401, 'a revoked key is refused');
  await page.close();
});

test('should refuse a wrong password with a message and keep the user on the login page', async () => {
  const page = await product.browser.newPage();
  await page.goto(`${product.server.url}/login`);
  await page.getByLabel('Email').fill('owner@demo.ringtonic.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('Email or password is incorrect').first().waitFor();
  assert.match(page.url(), /\/login$/);
  await page.close();
});

test('should sign up into a new indie workspace and stay logged in across a reload', async () => {
  const page = await product.browser.newPage();
  await page.goto(`${product.server.url}/signup`);
  await page.getByLabel('Name', { exact: true }).fill('Sam Signup');
  await page.getByLabel('Email').fill('sam@example.test');
  await page.getByLabel('Password').fill('sam-password-1');
  await page.getByLabel('Workspace name').fill('Sam Calls');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Welcome to Sam Calls').waitFor();
  // The access token lives in memory only: a reload must restore the session from the refresh cookie.
  await page.reload();
  await page.getByText('Welcome to Sam Calls').waitFor();
  await page.close();
});

test('should invite an agent who accepts from the link and lands in the workspace as Agent', async () => {
  const admin = await product.browser.newContext();
  const page = await admin.newPage();
  await logIn(page, 'admin@demo.ringtonic.test');
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await page.getByRole('button', { name: 'Invite Member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite Member' });
  await dialog.getByLabel('Email').fill('newagent@example.test');
  await dialog.getByRole('button', { name: 'Send Invitation' }).click();
  const pending = page.getByRole('table', { name: 'Pending invitations' });
  await pending.getByText('newagent@example.test').waitFor();

  // The outbox link, as the admin would copy it.
  const token = await page.evaluate(async () => {
    const res = await fetch('/api/v1/auth/refresh', { method: 'POST' });
    const { accessToken } = await res.json();
    const me = await (await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${accessToken}` } })).json();
    const ws = me.memberships.find((m) => m.workspaceName === 'Demo Agency').workspaceId;
    const list = await (await fetch(`/api/v1/workspaces/${ws}/invitations`, { headers: { Authorization: `Bearer ${accessToken}` } })).json();
    return list.items.find((i) => i.email === 'newagent@example.test').acceptUrl.split('/invite/')[1];
  });
  await admin.close();

  const invitee = await product.browser.newContext();
  const p2 = await invitee.newPage();
  await p2.goto(`${product.server.url}/invite/${token}`);
  await p2.getByLabel('Name').fill('Nina Newagent');
  await p2.getByLabel('Password').fill('nina-password-1');
  await p2.getByRole('button', { name: 'Accept invitation' }).click();
  await p2.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await p2.getByText('Nina Newagent').first().waitFor();
  await p2.getByText('Agent', { exact: true }).first().waitFor();
  await invitee.close();
});

test('should keep settings read-only for a manager', async () => {
  const page = await product.browser.newPage();
  await logIn(page, 'manager@demo.ringtonic.test');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Workspace name').waitFor();
  assert.equal(await page.getByLabel('Workspace name').isEditable(), false);
  await page.close();
});
