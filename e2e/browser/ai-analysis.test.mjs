// AI call analysis as a user meets it, in Chromium: a caller leaves a voicemail on a demo tracking
// number, the demo workspace (recording on, the sandbox as its OpenAI endpoint) transcribes and
// analyses it, and the owner reads the suggestion in the call's detail and accepts it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { until } from './browser.mjs';
import { api, CALLER, logIn, TRACKING, useProduct } from './product-session.mjs';

const product = useProduct();
const DANA = 'Hi, my name is Dana Reyes, we need a quote for about five thousand dollars, ready to buy this month';

/** With nobody online the call goes to voicemail, which is recorded. */
async function leaveVoicemail(line) {
  const { callSid } = await product.sandbox('/sandbox/calls', { method: 'POST', body: { from: CALLER, to: TRACKING } });
  await until(async () => (await product.sandbox(`/sandbox/calls/${callSid}`)).events.some((e) => e.type === 'verb' && e.verb === 'Record'), 'the voicemail recording to start');
  await product.sandbox(`/sandbox/calls/${callSid}/say`, { method: 'POST', body: { text: line } });
  await product.sandbox(`/sandbox/calls/${callSid}/hangup`, { method: 'POST', body: {} });
  return callSid;
}

/** The owner takes calls too: Do Not Disturb keeps the test call for voicemail. */
async function doNotDisturb(page) {
  const open = page.getByRole('button', { name: 'Open dialer' });
  await open.waitFor();
  await open.click();
  await page.getByLabel('Status').selectOption('dnd');
  await until(async () => (await api(page, '/presence')).find((p) => p.name === 'Olivia Owner')?.status === 'dnd', 'Do Not Disturb');
  await page.getByRole('button', { name: 'Minimise dialer' }).click();
}

test('should transcribe a voicemail, suggest a qualified $5,000 lead and let the owner accept it', async () => {
  const page = await product.browser.newPage({ viewport: { width: 1360, height: 1100 } });
  await logIn(page, product.server.url, 'owner@demo.ringtonic.test');
  await doNotDisturb(page);
  await page.getByRole('link', { name: 'Call logs', exact: true }).click();
  await page.getByText('No calls match.').waitFor();

  // The list follows calllog.updated over the socket: the new call shows up without a reload.
  await leaveVoicemail(DANA);
  const row = page.getByRole('table', { name: 'Call logs' }).getByRole('row').filter({ hasText: '(415) 555-0123' }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.getByRole('button').first().click();

  const sheet = page.getByRole('dialog', { name: 'Call details' });
  const ai = sheet.getByRole('region', { name: 'AI analysis' });
  // The pipeline announces each step over the socket; the open sheet follows without a reload.
  await ai.getByText('Done', { exact: true }).waitFor({ timeout: 45_000 });
  await ai.getByText('Sandbox output', { exact: true }).waitFor();
  assert.match(await ai.getByRole('region', { name: 'Transcript' }).innerText(), /my name is Dana Reyes, we need a quote for about five thousand dollars/);
  await ai.getByText('Qualified', { exact: true }).waitFor();
  await ai.getByText('$5,000.00', { exact: true }).waitFor();
  await ai.getByText('Dana Reyes', { exact: true }).waitFor();
  await ai.getByRole('list', { name: 'Keywords' }).getByText('quote', { exact: true }).waitFor();
  await sheet.getByRole('region', { name: 'Recording' }).getByLabel('Call recording').waitFor();
  const audio = await sheet.getByLabel('Call recording').getAttribute('src');
  assert.match(audio ?? '', /^blob:/, 'the recording plays from a blob fetched with the access token');

  await ai.getByRole('button', { name: 'Accept AI suggestion' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(product.shots, 'call-log-ai.png') });

  await ai.getByRole('button', { name: 'Accept AI suggestion' }).click();
  const accepted = page.getByText('Suggestion accepted: the call and the contact are now Qualified');
  await accepted.waitFor();
  await ai.getByText(/Accepted by Olivia Owner/).waitFor();
  assert.equal(await ai.getByRole('button', { name: 'Accept AI suggestion' }).count(), 0);
  assert.equal(await sheet.getByRole('combobox', { name: 'Call outcome (lead status)' }).innerText(), 'Qualified');
  assert.equal(await sheet.getByLabel('Attributed deal value').inputValue(), '5000.00');

  // The list behind the sheet shows the accepted outcome, and the contact followed (within 24 h).
  await sheet.getByRole('button', { name: 'Close' }).click();
  await row.getByText('$5,000.00').waitFor();
  await row.getByText('Qualified').waitFor();
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  const contact = page.getByRole('table', { name: 'Contacts' }).getByRole('row').filter({ hasText: 'Dana Reyes' });
  await contact.getByText('Qualified').waitFor();

  // Reports: what callers of each campaign talk about.
  await page.getByRole('link', { name: 'Reports', exact: true }).click();
  const keywords = page.getByRole('region', { name: 'Top keywords by campaign' });
  await keywords.getByRole('list', { name: 'Keywords for Google Ads' }).getByText(/^quote/).waitFor();
  await page.getByRole('columnheader', { name: 'AI-qualified' }).waitFor();
  await accepted.waitFor({ state: 'detached', timeout: 15_000 });
  await keywords.evaluate((card) => card.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: join(product.shots, 'reports-ai.png') });
  await page.close();
});

test('should show the AI automation settings and connect to the sandbox endpoint', async () => {
  const page = await product.browser.newPage({ viewport: { width: 1360, height: 1250 } });
  await logIn(page, product.server.url, 'owner@demo.ringtonic.test');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const heading = page.getByRole('heading', { name: 'AI automation' });
  await heading.waitFor();
  assert.equal(await page.getByRole('switch', { name: 'Enable AI analysis' }).getAttribute('aria-checked'), 'true');
  assert.equal(await page.getByRole('switch', { name: 'Record calls' }).getAttribute('aria-checked'), 'true');
  assert.match(await page.getByLabel('Consent announcement').inputValue(), /recorded/);
  assert.equal(await page.getByLabel('OpenAI API key').getAttribute('placeholder'), '•••••• (set)');
  assert.match(await page.getByLabel('Base URL').inputValue(), /^http:\/\/localhost:\d+\/v1$/);

  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('Connected', { exact: true }).waitFor({ timeout: 15_000 });
  await page.getByText(/This is the Ring Tonic sandbox/).waitFor();
  await page.getByRole('heading', { name: 'Call recording' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(product.shots, 'settings-ai.png') });

  // An unsaved wrong key is tried as typed, and the endpoint's own message is shown.
  await page.getByLabel('OpenAI API key').fill('not-a-key');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.getByText('Connection failed', { exact: true }).waitFor({ timeout: 15_000 });
  assert.ok((await page.locator('.notice .error-detail').innerText()).length > 0, 'the exact error is shown');
  await page.close();
});
