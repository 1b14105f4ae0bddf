// Shared by the browser flows: one product (as npm start runs it) and one Chromium per test file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { root, startProduct } from '../harness.mjs';
import { launchChromium } from './browser.mjs';

export const DEMO_PASSWORD = 'ringtonic-demo';
/** A pretend caller, and the demo's tracking numbers: the first (Google Ads) and the second (Facebook Ads). */
export const CALLER = '+14155550123';
export const TRACKING = '+14155550100';
export const SECOND_TRACKING = '+14155550101';

/**
 * Registers before/after hooks; the returned object's fields are filled once `before` ran.
 * `env` is what the product is started with (as `npm start` would be).
 */
export function useProduct(env = {}) {
  const ctx = { server: null, browser: null, shots: process.env.SCREENSHOT_DIR ?? join(root, 'test-results') };
  before(async () => {
    mkdirSync(ctx.shots, { recursive: true });
    ctx.server = await startProduct({ env });
    ctx.browser = await launchChromium();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  /** The sandbox's control API (API.md): `init` as fetch's, with `body` as an object. */
  ctx.sandbox = async (path, init = {}) => {
    const res = await fetch(`${ctx.server.sandboxUrl}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json' },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  return ctx;
}

export async function logIn(page, baseUrl, email, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
}

/** The REST API as the page's user (a fresh access token from the refresh cookie). */
export async function api(page, path, body) {
  return page.evaluate(async ([p, b]) => {
    const { accessToken } = await (await fetch('/api/v1/auth/refresh', { method: 'POST' })).json();
    const ws = window.location.pathname.match(/\/w\/([0-9a-f-]{36})/)[1];
    const init = b
      ? { method: 'POST', headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(b) }
      : { headers: { Authorization: `Bearer ${accessToken}` } };
    return (await fetch(`/api/v1/workspaces/${ws}${p}`, init)).json();
  }, [path, body]);
}
