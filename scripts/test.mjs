#!/usr/bin/env node
// `npm test`: every suite — API (Jest on a real PostgreSQL), SPA units (Vitest), the product and its
// fault scenarios on real processes, browser flows (Playwright in Chromium). Prints one closing line:
// "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'ringtonic-results-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function run(title, cmd, args, opts = {}) {
  console.log(`\n=== ${title} ===`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  if (res.status !== 0) broken = true;
  return res.status === 0;
}

function addJest(file) {
  if (!existsSync(file)) return void (broken = true);
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

run('contracts and sandbox: build', 'npm', ['run', 'build', '-w', '@ringtonic/contracts', '-w', '@ringtonic/sandbox']);

const apiJson = join(out, 'api.json');
run('API: Jest (real PostgreSQL)', 'node', [
  '--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--rootDir', 'apps/api', '--config', 'apps/api/jest.config.js',
  '--runInBand', '--json', `--outputFile=${apiJson}`,
]);
addJest(apiJson);

const sandboxJson = join(out, 'sandbox.json');
run('Twilio sandbox: Jest (unmodified twilio library over HTTP)', 'node', [
  '--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--rootDir', 'libs/sandbox', '--config', 'libs/sandbox/jest.config.js',
  '--runInBand', '--json', `--outputFile=${sandboxJson}`,
]);
addJest(sandboxJson);

const webJson = join(out, 'web.json');
run('SPA: Vitest', 'npx', ['vitest', 'run', '--root', 'apps/web', '--reporter=default', '--reporter=json', `--outputFile.json=${webJson}`]);
addJest(webJson);

function runNodeTests(title, files, env = {}) {
  const tap = join(out, `${title.replace(/\W+/g, '-')}.tap`);
  run(title, 'node', ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], { env });
  if (!existsSync(tap)) return void (broken = true);
  const text = readFileSync(tap, 'utf8');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped');
}

const compose = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find(existsSync);
if (compose) {
  const ok = run('docker-compose.yml: docker-compose config -q', compose, ['config', '-q']);
  totals[ok ? 'passed' : 'failed'] += 1;
} else {
  console.log('\n!! docker-compose not installed: skipping the compose file check (apt-get install docker-compose; .ci/run does).');
  totals.skipped += 1;
}

run('Build: API and SPA (what npm start serves)', 'npm', ['run', 'build']);
runNodeTests('Product lifecycle (npm start server)', ['e2e/lifecycle.test.mjs']);
runNodeTests('Faults: PostgreSQL restarted and killed under load (real processes)', ['e2e/faults/']);

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(chromium)) {
  runNodeTests('Browser: Playwright in Chromium', ['e2e/browser/'], { CHROMIUM_PATH: chromium });
} else {
  console.log('\n' + '!'.repeat(78));
  console.log(`!! BROWSER TESTS SKIPPED: no Chromium at ${chromium}.`);
  console.log('!! Install it (apt-get install chromium) or set CHROMIUM_PATH; .ci/run installs it.');
  console.log('!'.repeat(78));
  totals.skipped += 1;
}

if (broken && totals.failed === 0) totals.failed = 1; // a suite that crashed counts as a failure
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(broken || totals.failed ? 1 : 0);
