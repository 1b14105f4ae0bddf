// Clickjacking, in Chromium: a page on another origin tries to frame the app (its Answer, bulk
// delete and role buttons); the app itself runs under its Content-Security-Policy without a violation.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort } from '../harness.mjs';
import { until } from './browser.mjs';
import { logIn as productLogIn, useProduct } from './product-session.mjs';

const product = useProduct();
let attacker = null;
let attackerUrl = '';

before(async () => {
  // Another origin (127.0.0.1 and its own port, where the app is http://localhost:<port>) framing whatever ?src= names.
  const port = await freePort();
  attacker = createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><title>Win a prize</title><h1>Click the button!</h1><iframe id="victim" src="${src.replace(/"/g, '&quot;')}" width="1200" height="800"></iframe>`);
  });
  await new Promise((r) => attacker.listen(port, '127.0.0.1', r));
  attackerUrl = `http://127.0.0.1:${port}`;
});
after(() => new Promise((r) => attacker?.close(r) ?? r()));

/** A page that records every CSP violation: the console's "Refused to…" and securitypolicyviolation events. */
async function watchedPage(context) {
  const page = await context.newPage({ viewport: { width: 1280, height: 800 } });
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Refused to load (securitypolicyviolation): ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, violations };
}

async function framed(src) {
  const { page, violations } = await watchedPage(product.browser);
  await page.goto(`${attackerUrl}/?src=${encodeURIComponent(src)}`);
  await page.locator('#victim').waitFor();
  return { page, violations };
}

test('should refuse to be framed by a page on another origin', async () => {
  const app = `${product.server.url}/login`;
  const { page, violations } = await framed(app);
  // Chromium blocks the response and says why.
  await until(() => violations.some((v) => /frame-ancestors 'none'/.test(v)), 'the frame-ancestors refusal in the console', 10_000);
  const child = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(child, 'the iframe exists');
  assert.notEqual(child.url(), app, `the frame did not load the app (${child.url()})`);
  assert.equal(await page.frameLocator('#victim').getByLabel('Password').count(), 0, 'no login form inside the frame');
  assert.equal(await page.frameLocator('#victim').getByRole('button', { name: 'Log in' }).count(), 0);
  await page.screenshot({ path: join(product.shots, 'framing-refused.png') });
  await page.close();

  // A deep link (a workspace route) is refused the same way.
  const deep = await framed(`${product.server.url}/w/00000000-0000-0000-0000-000000000000/contacts`);
  await until(() => deep.violations.some((v) => /frame-ancestors/.test(v)), 'the deep link refused', 10_000);
  await deep.page.close();
});

test('should show that the same page does frame a site without the policy (the check can see framing)', async () => {
  // The sandbox's caller console is a plain page with no frame protection (a dev tool, not the product).
  const { page, violations } = await framed(product.server.sandboxUrl);
  const child = await until(() => page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(product.server.sandboxUrl)), 'the sandbox in the frame');
  await until(async () => (await child.evaluate(() => document.body?.innerText.length ?? 0).catch(() => 0)) > 0, 'the framed page content');
  assert.deepEqual(violations, []);
  await page.close();
});

test('should run the app under its CSP: log in, dashboard, pages, a dialog and the API docs with no violation', async () => {
  const context = await product.browser.newContext();
  const { page, violations } = await watchedPage(context);
  const [response] = await Promise.all([page.waitForResponse((r) => r.url() === `${product.server.url}/login`), page.goto(`${product.server.url}/login`)]);
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /frame-ancestors 'none'/);
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');

  await productLogIn(page, product.server.url, 'owner@demo.ringtonic.test');
  await page.getByText('Welcome to Demo Agency').waitFor();
  for (const [link, ready] of [
    ['Contacts', () => page.getByRole('heading', { name: 'Contacts' })],
    ['Call logs', () => page.getByRole('heading', { name: 'Call logs' })],
    ['Members', () => page.getByRole('table', { name: 'Members' })],
    ['Settings', () => page.getByRole('tab', { name: 'Basic' })],
    ['Dashboard', () => page.getByRole('heading', { name: 'Dashboard' })],
  ]) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await ready().first().waitFor();
  }
  // A dialog (Radix locks scrolling with an injected <style>) and the toasts' styles.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await page.getByRole('button', { name: 'Invite Member' }).click();
  await page.getByRole('dialog', { name: 'Invite Member' }).waitFor();
  await page.keyboard.press('Escape');
  await page.screenshot({ path: join(product.shots, 'csp-app.png') });

  // Swagger UI on the same policy.
  await page.goto(`${product.server.url}/api/docs`);
  await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 15_000 });
  assert.deepEqual(violations, [], `CSP violations:\n${violations.join('\n')}`);
  await context.close();
});
