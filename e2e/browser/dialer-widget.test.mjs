// The dialer widget as two agents live in it: inbound ring fan-out, one-winner answer, the caller's
// context, DTMF, hang up, Recents, refresh while ringing, one agent in two tabs, the lazy Twilio SDK.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../harness.mjs';
import { until } from './browser.mjs';
import { CALLER, TRACKING, api, openWidget, statusOf, useDialerProduct, withoutToasts } from './dialer-agents.mjs';

const product = useDialerProduct();

async function bothOnline(...pages) {
  await until(async () => {
    for (const page of pages) if ((await statusOf(page)) !== 'online') return false;
    return true;
  }, 'the agents online');
}

/** The agent's leg of a conference call (the participant that is not the caller). */
async function agentLeg(callSid) {
  const caller = await product.sandbox(`/sandbox/calls/${callSid}`);
  const other = (caller.participants ?? []).find((p) => p.callSid !== callSid);
  return other ? product.sandbox(`/sandbox/calls/${other.callSid}`) : null;
}

test('should ring both agents, let A answer with the caller\'s context, send digits, hang up and list the call only in A\'s Recents', async () => {
  const { shots, sandbox } = product;
  const a = await product.agentPage('agent1@demo.ringtonic.test');
  const b = await product.agentPage('agent2@demo.ringtonic.test');
  await bothOnline(a.page, b.page);

  // The caller is a known contact: the cards and the sidebar must show who it is.
  const created = await api(a.page, '/contacts', {
    phone: CALLER, name: 'Dana Demo', company: 'Demo Roofing', email: 'dana@demoroofing.test', leadStatus: 'qualified', dealValueCents: 1250000, tags: ['roof-repair'],
  });
  assert.equal(created.phone, CALLER, JSON.stringify(created));

  for (const tab of ['Keypad', 'Contacts', 'Recents']) {
    await a.page.getByRole('tab', { name: tab }).click();
    if (tab === 'Contacts') {
      await a.page.getByLabel('Search contacts').fill('Dana');
      await a.page.getByRole('button', { name: 'Call Dana Demo' }).waitFor();
    }
    if (tab === 'Recents') await a.page.getByText(/^No calls yet\.$/).or(a.page.getByRole('list', { name: 'Recent calls' })).waitFor();
    await withoutToasts(a.page);
    await a.page.screenshot({ path: join(shots, `dialer-idle-${tab.toLowerCase()}.png`) });
  }
  await a.page.getByRole('button', { name: 'Audio settings' }).click();
  await a.page.getByLabel('Microphone').waitFor();
  await a.page.screenshot({ path: join(shots, 'dialer-audio-settings.png') });
  await a.page.getByRole('button', { name: 'Close audio settings' }).click();

  const { callSid } = await sandbox('/sandbox/calls', { method: 'POST', body: { from: CALLER, to: TRACKING } });
  for (const { page } of [a, b]) {
    await page.getByRole('button', { name: 'Answer' }).waitFor({ timeout: 10_000 });
    const card = page.locator('.incoming-card');
    await card.getByText('(415) 555-0123').waitFor();
    await card.getByText('Dana Demo').waitFor();
    await card.getByText('Google Ads').waitFor();
    await card.getByText(/555-0100/).waitFor();
  }
  await withoutToasts(a.page);
  await a.page.screenshot({ path: join(shots, 'dialer-incoming.png') });

  // A reloads while it rings: the card comes back from GET …/calls/ringing.
  await a.page.reload();
  await openWidget(a.page);
  await a.page.getByRole('button', { name: 'Answer' }).waitFor({ timeout: 10_000 });
  await a.page.locator('.incoming-card').getByText('Dana Demo').waitFor();

  await a.page.getByRole('button', { name: 'Answer' }).click();
  const answeredAt = Date.now();
  await b.page.getByRole('button', { name: 'Answer' }).waitFor({ state: 'detached', timeout: 1000 });
  assert.ok(Date.now() - answeredAt <= 1000, "B's card is gone within one second");

  await a.page.getByRole('button', { name: 'Hang up' }).waitFor();
  const sidebar = a.page.getByRole('complementary', { name: 'Caller details' });
  await sidebar.getByText('Dana Demo').first().waitFor();
  await sidebar.getByText('Demo Roofing').waitFor();
  await sidebar.getByText('dana@demoroofing.test').waitFor();
  await a.page.getByRole('timer').getByText(/^\d+:\d\d$/).waitFor({ timeout: 10_000 });
  await withoutToasts(a.page);
  await a.page.screenshot({ path: join(shots, 'dialer-active.png') });

  await a.page.getByRole('button', { name: 'Keypad' }).click();
  const pad = a.page.getByRole('group', { name: 'Touch-tone keypad' });
  for (const d of ['1', '2', '#']) await pad.getByRole('button', { name: d, exact: true }).click();
  const digits = await until(async () => {
    const leg = await agentLeg(callSid);
    const sent = leg?.events.filter((e) => e.type === 'digits').map((e) => e.digits).join('');
    return sent === '12#' ? sent : null;
  }, 'the sandbox to record the digits');
  assert.equal(digits, '12#');

  await a.page.getByRole('button', { name: 'Hang up' }).click();
  await a.page.getByRole('tab', { name: 'Recents' }).click();
  await a.page.getByRole('list', { name: 'Recent calls' }).getByText('Dana Demo').first().waitFor({ timeout: 10_000 });
  await withoutToasts(a.page);
  await a.page.screenshot({ path: join(shots, 'dialer-recents-after-call.png') });
  await b.page.getByRole('tab', { name: 'Recents' }).click();
  await b.page.getByText(/^No calls yet\.$/).or(b.page.getByRole('list', { name: 'Recent calls' })).waitFor();
  assert.equal(await b.page.getByRole('list', { name: 'Recent calls' }).getByText('Dana Demo').count(), 0, 'B did not take the call');
  await until(async () => (await sandbox(`/sandbox/calls/${callSid}`)).status === 'completed', 'the caller leg to end');
});

test('should show the card in both of one agent\'s tabs, ring in one only, and drop the card in the other tab when one answers', async () => {
  const a = await product.agentPage('agent1@demo.ringtonic.test');
  const second = await a.context.newPage();
  await second.goto(a.page.url());
  await openWidget(second);
  await bothOnline(a.page, second);

  const { callSid } = await product.sandbox('/sandbox/calls', { method: 'POST', body: { from: '+14155550124', to: TRACKING } });
  for (const page of [a.page, second]) await page.getByRole('button', { name: 'Answer' }).waitFor({ timeout: 10_000 });
  // Both tabs show the card, but one browser rings once: one tab rings, the other stands by.
  const ringers = () => Promise.all([a.page, second].map((page) => page.evaluate(() => ({ role: window.__rtRingerRole, starts: window.__rtRingtoneStarts ?? 0 }))));
  const roles = await until(async () => {
    const tabs = await ringers();
    return tabs.map((t) => t.role).sort().join() === 'ringer,standby' ? tabs : null;
  }, 'one ringing tab and one standing by');
  assert.deepEqual(roles.map((t) => t.starts).sort(), [0, 1], 'only the ringing tab started the ringtone');
  await second.getByRole('button', { name: 'Answer' }).click();
  await second.getByRole('button', { name: 'Hang up' }).waitFor();
  // No one-second bound here (that is the two-agent answer above): only that the card goes.
  await a.page.getByRole('button', { name: 'Answer' }).waitFor({ state: 'detached', timeout: 10_000 });
  // The first tab does not pretend to be in the call: it is back to idle.
  await a.page.getByRole('tab', { name: 'Keypad' }).waitFor();
  assert.equal(await a.page.getByRole('button', { name: 'Hang up' }).count(), 0);
  await until(async () => (await agentLeg(callSid))?.status === 'in-progress', 'the answering tab to be connected');
  const after = await ringers();
  assert.equal(after[0].starts + after[1].starts, 1, 'the answer did not start the ringtone in the other tab');

  await second.getByRole('button', { name: 'Hang up' }).click();
  await until(async () => (await product.sandbox(`/sandbox/calls/${callSid}`)).status === 'completed', 'the caller leg to end');
});

test('should keep the Twilio Voice SDK out of the chunks the first page load fetches', () => {
  const dist = join(root, 'apps/web/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const eager = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(eager.length > 0, 'index.html references its scripts');
  for (const file of eager) {
    const code = readFileSync(join(dist, file), 'utf8');
    assert.ok(!code.includes('voice-js.') && !code.includes('AccessTokenInvalid'), `${file} must not contain the Twilio SDK`);
  }
});
