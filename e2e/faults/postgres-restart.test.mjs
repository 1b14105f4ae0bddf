// Fault: PostgreSQL restarted under load. Two API instances (the built product) share one PostgreSQL
// and take a steady stream of signed inbound webhooks, spread over both, while PostgreSQL is stopped
// for 5 s and started again. Both must stay up, answer fast while it is down, serve again within
// seconds once it is back, keep a call log for every webhook they acknowledged, and ring across
// instances again.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { freePort, startProduct } from '../harness.mjs';
import { connectAgent, now, ownPostgres, readyWorkspace, ringsOn, seconds, sendInbound, sleep, sql, until, webhookStream } from './fault-kit.mjs';

const OUTAGE_MS = 5_000;
const cleanups = [];
after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const ok = (r) => r.status >= 200 && r.status < 300;
const errorLines = (text) => text.split('\n').filter((l) => /\bERROR\b/.test(l)).length;

test('should keep two instances up through a 5 s PostgreSQL restart and lose no acknowledged webhook', { timeout: 240_000 }, async () => {
  const pg = await ownPostgres();
  cleanups.push(() => pg.stop());
  const publicPort = await freePort();
  const env = { DATABASE_URL: pg.url, PUBLIC_URL: `http://127.0.0.1:${publicPort}`, ENCRYPTION_KEY: randomBytes(32).toString('hex'), SEED_DEMO: 'off' };
  const a = await startProduct({ port: publicPort, env });
  cleanups.push(() => a.stop());
  const b = await startProduct({ env });
  cleanups.push(() => b.stop());

  const ws = await readyWorkspace(a.url, a.sandboxUrl);
  const hook = { publicUrl: env.PUBLIC_URL, account: ws.account, number: ws.number };
  const onB = await connectAgent(b.url, ws);
  const onA = await connectAgent(a.url, ws);
  cleanups.push(async () => (onA.close(), onB.close()));

  // Cross-instance ringing works before the fault (the baseline the scenario must get back to).
  const ringsAcross = (socket, target, ms) => ringsOn(socket, () => sendInbound(hook, target), ms);
  assert.ok(await ringsAcross(onB, a.url), 'before the fault: a webhook to A rings the agent on B');
  assert.ok(await ringsAcross(onA, b.url), 'before the fault: a webhook to B rings the agent on A');

  const stream = webhookStream(hook, [a.url, b.url]);
  cleanups.push(() => stream.stop());
  await sleep(3_000);
  const outA = a.output().length;
  const outB = b.output().length;
  const downAt = now();
  await pg.stop();
  const stoppedAt = now();
  await sleep(OUTAGE_MS);
  await pg.start();
  const upAt = now();
  // Cross-instance ringing comes back (each adapter re-LISTENs on a new connection, 1–3 s after its
  // last try): checked from now on, beside the stream, every 0.5 s.
  const ringing = (async () => {
    await until(() => ringsAcross(onB, a.url, 500), 'a webhook to A to ring the agent on B again', 20_000, 0);
    const ab = now() - upAt;
    await until(() => ringsAcross(onA, b.url, 500), 'a webhook to B to ring the agent on A again', 20_000, 0);
    return { ab, both: now() - upAt };
  })();
  ringing.catch(() => undefined);
  const bothAlive = () => {
    const alive = { a: a.alive(), b: b.alive() };
    assert.deepEqual(alive, { a: true, b: true }, `both instances stay up\n--- A ---\n${a.output().slice(outA).slice(-3000)}\n--- B ---\n${b.output().slice(outB).slice(-3000)}`);
  };
  const afterUp = () => stream.results.find((r) => ok(r) && r.at - r.ms >= upAt);
  await until(async () => afterUp() || !a.alive() || !b.alive(), 'a webhook acknowledged after PostgreSQL is back', 30_000, 20);
  bothAlive();
  const firstOk = afterUp();
  await sleep(3_000);
  await stream.stop();
  bothAlive();

  const results = stream.results;
  const during = results.filter((r) => r.at - r.ms >= stoppedAt && r.at <= upAt);
  const acked = results.filter(ok);
  const failed = results.filter((r) => !ok(r));
  const slowest = Math.max(0, ...during.map((r) => r.ms));
  assert.ok(during.length > 10, `webhooks kept arriving during the outage (${during.length})`);
  assert.ok(during.every((r) => r.status >= 500 || ok(r)), `during the outage every webhook is answered with a 5xx (or acknowledged): ${[...new Set(during.map((r) => r.status))]}`);
  assert.ok(slowest < 2_000, `answered fast during the outage (slowest ${slowest.toFixed(0)} ms)`);
  assert.ok(results.every((r) => r.status !== 0), 'no webhook timed out or was refused');

  const recovery = firstOk.at - upAt;
  assert.ok(recovery < 5_000, `a webhook succeeds within seconds of PostgreSQL being back (${seconds(recovery)})`);

  // Every acknowledged webhook has its call log: 0 lost.
  const sids = acked.map((r) => r.callSid);
  const rows = await sql(pg.url, 'SELECT twilio_call_sid FROM call_logs WHERE twilio_call_sid = ANY($1)', [sids]);
  const logged = new Set(rows.map((r) => r.twilio_call_sid));
  const lost = sids.filter((s) => !logged.has(s));
  assert.deepEqual(lost, [], `${lost.length} of ${sids.length} acknowledged webhooks have no call log`);

  const { ab: ringAB, both: ringBack } = await ringing;

  // One log line per outage and component, not one per failed request.
  const errors = errorLines(a.output().slice(outA)) + errorLines(b.output().slice(outB));
  const outageLines = (out) => out.split('\n').filter((l) => /\[Database\]/.test(l)).map((l) => `    ${l.replace(/\x1b\[[0-9;]*m/g, '').replace(/^.*?\[Database\] /, '')}`);

  console.log(
    [
      `PostgreSQL restart (stopped for ${seconds(upAt - stoppedAt)}; stop took ${seconds(stoppedAt - downAt)}), two instances:`,
      `  webhooks: ${results.length} sent, ${acked.length} acknowledged, ${failed.length} failed (${[...new Set(failed.map((r) => r.status))].join(', ') || 'none'}); ${during.length} during the outage, slowest answer ${slowest.toFixed(0)} ms`,
      `  recovery: first acknowledged webhook ${seconds(recovery)} after PostgreSQL was back`,
      `  cross-instance ringing again: A→B ${seconds(ringAB)}, both ways ${seconds(ringBack)} after PostgreSQL was back`,
      `  lost: 0 of ${acked.length} acknowledged webhooks; ERROR lines logged by both instances meanwhile: ${errors}`,
      '  instance A logged:',
      ...outageLines(a.output().slice(outA)),
      '  instance B logged:',
      ...outageLines(b.output().slice(outB)),
    ].join('\n'),
  );
  assert.ok(errors <= 10, `a handful of error lines, not one per failed webhook (${errors} for ${failed.length} failures)`);
});
