// Outbound calls from every place the dialer offers them: the keypad (smart caller ID, mute, hang
// up), a sticky caller ID, the Contacts page's row action, the widget's Contacts tab and Recents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { until } from './browser.mjs';
import { SECOND_TRACKING, TRACKING, api, useDialerProduct } from './dialer-agents.mjs';

const product = useDialerProduct();

/** The newest leg the sandbox dialled to the phone `e164` (not the browser's own leg, not one of `seen`). */
async function legTo(e164, seen = []) {
  const dialled = (leg) => !leg.from.startsWith('client:') && !seen.includes(leg.callSid);
  return until(async () => (await product.legsTo(e164)).find(dialled), `a call to ${e164}`, 10_000);
}

/** The browser's own leg of an outbound call: the dialled leg's parent (the device's client leg). */
async function deviceLegOf(leg) {
  assert.ok(leg.parentCallSid, `the dialled leg has the device's leg as parent: ${JSON.stringify(leg)}`);
  return product.sandbox(`/sandbox/calls/${leg.parentCallSid}`);
}

async function hangUpAndExpectCompleted(page, leg) {
  await page.getByRole('button', { name: 'Hang up' }).click();
  await until(async () => (await product.sandbox(`/sandbox/calls/${leg.callSid}`)).status === 'completed', `the call to ${leg.to} to complete`);
  await page.getByRole('tab', { name: 'Keypad' }).waitFor();
}

test('should call a typed number with the smart caller ID, mute, unmute and hang up', async () => {
  await product.sandbox('/sandbox/phones/+12125550100', { method: 'PUT', body: { answer: 'answer' } });
  const a = await product.agentPage('agent1@demo.ringtonic.test');
  await a.page.getByRole('tab', { name: 'Keypad' }).click();
  await a.page.getByLabel('Phone number').pressSequentially('(212) 555-0100');
  assert.equal(await a.page.getByLabel('Phone number').inputValue(), '(212) 555-0100');
  await a.page.getByRole('button', { name: 'Call', exact: true }).click();
  await a.page.getByRole('timer').getByText(/^\d+:\d\d$/).waitFor({ timeout: 10_000 });

  const leg = await legTo('+12125550100');
  assert.equal(leg.from, TRACKING, 'no history with this number: the first tracking number');
  await a.page.getByRole('button', { name: 'Mute' }).click();
  await a.page.getByRole('button', { name: 'Unmute' }).click();
  await a.page.getByRole('button', { name: 'Mute' }).waitFor();
  const muted = await until(async () => {
    const events = (await deviceLegOf(leg)).events.filter((e) => e.type === 'muted').map((e) => e.muted);
    return events.length >= 2 ? events : null;
  }, 'the sandbox to record mute and unmute');
  assert.deepEqual(muted, [true, false]);

  await hangUpAndExpectCompleted(a.page, leg);
  const contacts = await until(async () => {
    const list = await api(a.page, '/contacts?search=2125550100');
    return list.items?.length ? list : null;
  }, 'the dialled contact');
  assert.equal(contacts.items[0].phone, '+12125550100');
});

test('should call back from the tracking number the contact last called (sticky caller ID)', async () => {
  const contact = '+13105550188';
  await product.sandbox(`/sandbox/phones/${contact}`, { method: 'PUT', body: { answer: 'answer' } });
  const a = await product.agentPage('agent1@demo.ringtonic.test');
  // The contact called the second tracking number; it hangs up while it rings.
  const { callSid } = await product.sandbox('/sandbox/calls', { method: 'POST', body: { from: contact, to: SECOND_TRACKING } });
  await a.page.getByRole('button', { name: 'Answer' }).waitFor({ timeout: 10_000 });
  await product.sandbox(`/sandbox/calls/${callSid}/hangup`, { method: 'POST' });
  await a.page.getByRole('button', { name: 'Answer' }).waitFor({ state: 'detached' });

  // "First available" would be the first tracking number: a new number proves the difference.
  assert.deepEqual(
    [await api(a.page, `/dialer/caller-id?to=${encodeURIComponent('+13105550199')}`), await api(a.page, `/dialer/caller-id?to=${encodeURIComponent(contact)}`)].map((c) => [c.e164, c.reason]),
    [[TRACKING, 'first'], [SECOND_TRACKING, 'sticky']],
  );
  await a.page.getByRole('tab', { name: 'Keypad' }).click();
  await a.page.getByLabel('Phone number').fill('(310) 555-0188');
  await a.page.getByRole('button', { name: 'Call', exact: true }).click();
  const leg = await legTo(contact);
  assert.equal(leg.from, SECOND_TRACKING, 'the callee sees the number it called');
  await a.page.getByRole('timer').getByText(/^\d+:\d\d$/).waitFor({ timeout: 10_000 });
  await hangUpAndExpectCompleted(a.page, leg);
});

test('should call a contact from the Contacts page row, the widget\'s Contacts tab and Recents', async () => {
  const phone = '+12125550111';
  await product.sandbox(`/sandbox/phones/${phone}`, { method: 'PUT', body: { answer: 'answer' } });
  const a = await product.agentPage('agent1@demo.ringtonic.test');
  await api(a.page, '/contacts', { phone, name: 'Robin Row', company: 'Row Builders' });
  await a.page.getByRole('button', { name: 'Minimise dialer' }).click();

  // The Contacts page's row action opens the widget and starts the call.
  await a.page.getByRole('link', { name: 'Contacts', exact: true }).click();
  const table = a.page.getByRole('table', { name: 'Contacts' });
  await table.getByRole('button', { name: 'Call Robin Row' }).click();
  await a.page.getByRole('region', { name: 'Dialer' }).waitFor();
  const fromRow = await legTo(phone);
  await a.page.getByRole('timer').getByText(/^\d+:\d\d$/).waitFor({ timeout: 10_000 });
  await hangUpAndExpectCompleted(a.page, fromRow);

  // The widget's Contacts tab: search, then the phone icon.
  await a.page.getByRole('tab', { name: 'Contacts' }).click();
  const widget = a.page.getByRole('region', { name: 'Dialer' });
  await widget.getByLabel('Search contacts').fill('Robin');
  await widget.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: 'Call Robin Row' }).click();
  const fromTab = await legTo(phone, [fromRow.callSid]);
  await hangUpAndExpectCompleted(a.page, fromTab);

  // Recents: a click redials.
  await a.page.getByRole('tab', { name: 'Recents' }).click();
  await a.page.getByRole('button', { name: 'Redial Robin Row' }).first().click();
  const redial = await legTo(phone, [fromRow.callSid, fromTab.callSid]);
  await hangUpAndExpectCompleted(a.page, redial);
});
