// Presence in the browser with shrunk timings, set the way an operator would: the product's own
// HEARTBEAT_SECONDS / AUTO_AWAY_SECONDS / OFFLINE_AFTER_SECONDS, which reach the SPA via GET …/dialer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { until } from './browser.mjs';
import { api, openWidget, statusOf, useDialerProduct } from './dialer-agents.mjs';

// Offline after 6 s of silence: only a browser heartbeating every second (not the SPA's default
// 30 s) keeps an idle agent from being dropped before the 10 s auto-away. Six missed heartbeats
// in a row, so a busy machine cannot flap an agent offline.
const product = useDialerProduct({ HEARTBEAT_SECONDS: '1', AUTO_AWAY_SECONDS: '10', OFFLINE_AFTER_SECONDS: '6' });

test('should go away after inactivity and back on input as others see it, agree across tabs and go offline when closed', async () => {
  const a = await product.agentPage('agent1@demo.ringtonic.test');
  const b = await product.agentPage('agent2@demo.ringtonic.test');
  const other = await a.context.newPage();
  await other.goto(a.page.url());
  await openWidget(other);
  const me = (await api(a.page, '/presence')).find((p) => p.name === 'Alice Agent');
  assert.ok(me, 'Alice is listed');

  /** A's status as agent B sees it (GET …/presence as B). */
  const seenByB = async () => (await api(b.page, '/presence')).find((p) => p.userId === me.userId)?.status;
  const history = [];
  await until(async () => {
    const status = await seenByB();
    history.push(status);
    return status === 'away';
  }, 'Bob to see Alice away', 30_000).catch((e) => {
    throw new Error(`${e.message}: ${history.join(' → ')}`);
  });
  assert.ok(!history.includes('offline'), `heartbeats kept the idle agent from going offline: ${history.join(' → ')}`);
  assert.equal(await statusOf(a.page), 'away');

  await a.page.mouse.move(200, 200);
  await a.page.mouse.move(300, 260);
  await until(async () => (await seenByB()) === 'online', 'Bob to see Alice online again after input');
  assert.equal(await statusOf(a.page), 'online');

  await a.page.getByLabel('Status').selectOption('dnd');
  await until(async () => (await statusOf(other)) === 'dnd', 'the other tab to show Do Not Disturb');
  await a.page.getByLabel('Status').selectOption('online');
  await until(async () => (await statusOf(other)) === 'online', 'the other tab to show Online');

  await a.context.close();
  let seen;
  await until(async () => {
    seen = await seenByB();
    return seen === 'offline';
  }, 'Alice offline for Bob', 30_000).catch((e) => {
    throw new Error(`${e.message}: ${seen}`);
  });
});
