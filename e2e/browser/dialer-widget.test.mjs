// The dialer widget as two agents live in it: inbound ring fan-out, one-winner answer, DTMF, hang up,
// Recents, refresh while ringing, an outbound call with smart caller ID, presence in the browser.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { root, startProduct } from '../harness.mjs';
import { launchChromium, until } from './browser.mjs';

let server;
let browser;
const shots = process.env.SCREENSHOT_DIR ?? join(root, 'test-results');
const CALLER = '+14155550123';
const TRACKING = '+14155550100';

before(async () => {
  mkdirSync(shots, { recursive: true });
  // Agents heartbeat every 2 s (set in the page below), so 8 s of silence means a closed browser.
  server = await startProduct({ env: { OFFLINE_AFTER_SECONDS: '8' } });
  browser = await launchChromium();
});
// A failed test must not leave an agent online (and heartbeating) for the next one.
const contexts = new Set();
afterEach(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  contexts.clear();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function sandbox(path, init = {}) {
  const res = await fetch(`${server.sandboxUrl}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json' },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
  return res.json();
}


/** A logged-in agent in its own browser context, widget open. */
async function agentPage(email, { storage = {}, context } = {}) {
  context ??= await browser.newContext({ viewport: { width: 1360, height: 900 } });
  contexts.add(context);
  await context.addInitScript((values) => {
    for (const [k, v] of Object.entries(values)) window.localStorage.setItem(k, v);
  }, { 'rt.heartbeatSeconds': '2', 'rt.notificationsAsked': '1', ...storage });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('ringtonic-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await openWidget(page);
  return { context, page };
}

async function openWidget(page) {
  const open = page.getByRole('button', { name: 'Open dialer' });
  const widget = page.getByRole('region', { name: 'Dialer' });
  // A ringing call may expand the widget by itself at any moment, so never insist on the click.
  await until(async () => {
    if (await widget.isVisible()) return true;
    if (await open.isVisible()) await open.click({ timeout: 1000 }).catch(() => undefined);
    return widget.isVisible();
  }, 'the dialer widget', 15_000);
  return widget;
}

async function statusOf(page) {
  return page.getByLabel('Status').inputValue();
}

async function api(page, path, body) {
  return page.evaluate(async ([p, b]) => {
    const { accessToken } = await (await fetch('/api/v1/auth/refresh', { method: 'POST' })).json();
    const ws = window.location.pathname.match(/\/w\/([0-9a-f-]{36})/)[1];
    const init = b
      ? { method: 'POST', headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(b) }
      : { headers: { Authorization: `Bearer ${accessToken}` } };
    return (await fetch(`/api/v1/workspaces/${ws}${p}`, init)).json();
  }, [path, body]);
}

test('should ring both agents, let A answer, send digits, hang up and list the call only in A\'s Recents', async () => {
  const a = await agentPage('agent1@demo.ringtonic.test');
  const b = await agentPage('agent2@demo.ringtonic.test');
  await until(async () => (await statusOf(a.page)) === 'online' && (await statusOf(b.page)) === 'online', 'both agents online');

  await api(a.page, '/contacts', { phone: '+12125550177', name: 'Dana Demo', company: 'Demo Roofing', leadStatus: 'qualified' });
  for (const tab of ['Keypad', 'Contacts', 'Recents']) {
    await a.page.getByRole('tab', { name: tab }).click();
    if (tab === 'Contacts') {
      await a.page.getByLabel('Search contacts').fill('Dana');
      await a.page.getByRole('button', { name: 'Call Dana Demo' }).waitFor();
    }
    await a.page.screenshot({ path: join(shots, `dialer-idle-${tab.toLowerCase()}.png`) });
  }
  await a.page.getByRole('button', { name: 'Audio settings' }).click();
  await a.page.getByLabel('Microphone').waitFor();
  await a.page.screenshot({ path: join(shots, 'dialer-audio-settings.png') });
  await a.page.getByRole('button', { name: 'Close audio settings' }).click();

  const { callSid } = await sandbox('/sandbox/calls', { method: 'POST', body: { from: CALLER, to: TRACKING } });
  for (const { page } of [a, b]) {
    const answer = page.getByRole('button', { name: 'Answer' });
    await answer.waitFor({ timeout: 10_000 });
    const card = page.locator('.incoming-card');
    await card.getByText('(415) 555-0123').waitFor();
    await card.getByText('Google Ads').waitFor();
    await card.getByText(/555-0100/).waitFor();
  }
  await a.page.screenshot({ path: join(shots, 'dialer-incoming.png') });

  // A reloads while it rings: the card comes back from GET …/calls/ringing.
  await a.page.reload();
  await openWidget(a.page);
  await a.page.getByRole('button', { name: 'Answer' }).waitFor({ timeout: 10_000 });

  await a.page.getByRole('button', { name: 'Answer' }).click();
  const answeredAt = Date.now();
  await b.page.getByRole('button', { name: 'Answer' }).waitFor({ state: 'detached', timeout: 1000 });
  assert.ok(Date.now() - answeredAt <= 1000, "B's card is gone within one second");

  await a.page.getByRole('button', { name: 'Hang up' }).waitFor();
  const sidebar = a.page.getByRole('complementary', { name: 'Caller details' });
  await sidebar.waitFor();
  await sidebar.getByText('Lead status').waitFor();
  await a.page.getByRole('timer').getByText(/^\d+:\d\d$/).waitFor({ timeout: 10_000 });
  await a.page.screenshot({ path: join(shots, 'dialer-active.png') });

  await a.page.getByRole('button', { name: 'Keypad' }).click();
  const pad = a.page.getByRole('group', { name: 'Touch-tone keypad' });
  for (const d of ['1', '2', '#']) await pad.getByRole('button', { name: d, exact: true }).click();
  const digits = await until(async () => {
    const caller = await sandbox(`/sandbox/calls/${callSid}`);
    for (const p of caller.participants ?? []) {
      if (p.callSid === callSid) continue;
      const leg = await sandbox(`/sandbox/calls/${p.callSid}`);
      const sent = leg.events.filter((e) => e.type === 'digits').map((e) => e.digits).join('');
      if (sent === '12#') return sent;
    }
    return null;
  }, 'the sandbox to record the digits');
  assert.equal(digits, '12#');

  await a.page.getByRole('button', { name: 'Hang up' }).click();
  await a.page.getByRole('tab', { name: 'Recents' }).click();
  await a.page.getByRole('list', { name: 'Recent calls' }).getByText(/555-0123/).first().waitFor({ timeout: 10_000 });
  await a.page.screenshot({ path: join(shots, 'dialer-recents-after-call.png') });
  await b.page.getByRole('tab', { name: 'Recents' }).click();
  await b.page.getByText(/No calls yet|Recent calls/).first().waitFor();
  assert.equal(await b.page.getByRole('list', { name: 'Recent calls' }).getByText(/555-0123/).count(), 0, 'B did not take the call');
  await until(async () => (await sandbox(`/sandbox/calls/${callSid}`)).status === 'completed', 'the caller leg to end');
  await a.context.close();
  await b.context.close();
});

test('should call a typed number with the smart caller ID, mute, unmute and hang up', async () => {
  await sandbox('/sandbox/phones/+12125550100', { method: 'PUT', body: { answer: 'answer' } });
  const a = await agentPage('agent1@demo.ringtonic.test');
  await a.page.getByRole('tab', { name: 'Keypad' }).click();
  await a.page.getByLabel('Phone number').pressSequentially('(212) 555-0100');
  assert.equal(await a.page.getByLabel('Phone number').inputValue(), '(212) 555-0100');
  await a.page.getByRole('button', { name: 'Call', exact: true }).click();
  await a.page.getByRole('timer').getByText(/^\d+:\d\d$/).waitFor({ timeout: 10_000 });
  await a.page.getByRole('button', { name: 'Mute' }).click();
  await a.page.getByRole('button', { name: 'Unmute' }).click();
  await a.page.getByRole('button', { name: 'Mute' }).waitFor();

  const calls = await sandbox('/sandbox/calls?limit=20');
  const dialled = calls.find((c) => c.to === '+12125550100' && c.from === TRACKING);
  assert.ok(dialled, 'the callee leg shows the smart caller ID (first tracking number)');

  await a.page.getByRole('button', { name: 'Hang up' }).click();
  await a.page.getByRole('tab', { name: 'Keypad' }).waitFor();
  const contacts = await until(async () => {
    const list = await api(a.page, '/contacts?search=2125550100');
    return list.items?.length ? list : null;
  }, 'the dialled contact');
  assert.equal(contacts.items[0].phone, '+12125550100');
  await a.context.close();
});

test('should go away after inactivity, come back on input, agree across tabs and go offline when closed', async () => {
  const a = await agentPage('agent1@demo.ringtonic.test', { storage: { 'rt.autoAwaySeconds': '3' } });
  const b = await agentPage('agent2@demo.ringtonic.test');
  const other = await a.context.newPage();
  await other.goto(a.page.url());
  await openWidget(other);

  await until(async () => (await statusOf(a.page)) === 'away', 'auto-away', 15_000);
  await a.page.mouse.move(200, 200);
  await a.page.mouse.move(300, 260);
  await until(async () => (await statusOf(a.page)) === 'online', 'back online on input');

  await a.page.getByLabel('Status').selectOption('dnd');
  await until(async () => (await statusOf(other)) === 'dnd', 'the other tab to show Do Not Disturb');
  await a.page.getByLabel('Status').selectOption('online');
  await until(async () => (await statusOf(other)) === 'online', 'the other tab to show Online');

  const me = (await api(a.page, '/presence')).find((p) => p.name === 'Alice Agent');
  assert.ok(me);
  await a.context.close();
  let seen;
  await until(async () => {
    const list = await api(b.page, '/presence');
    seen = list.find((p) => p.userId === me.userId);
    return seen?.status === 'offline';
  }, 'Alice offline for Bob', 20_000).catch((e) => {
    throw new Error(`${e.message}: ${JSON.stringify(seen)}`);
  });
  await b.context.close();
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
