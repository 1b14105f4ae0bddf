// Shared by the browser flows: one product (as npm start runs it) and one Chromium per test file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { root, startProduct } from '../harness.mjs';
import { launchChromium } from './browser.mjs';

export const DEMO_PASSWORD = 'ringtonic-demo';

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
  return ctx;
}

export async function logIn(page, baseUrl, email, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
}
