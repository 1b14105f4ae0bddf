// Debian's Chromium driven by playwright-core (no browser download is possible here).
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    ],
  });
}

/** Polls `fn` until it returns something truthy (a page, the API or the sandbox catching up). */
export async function until(fn, what, ms = 15_000) {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Closes any toast and waits until none is shown, so a screenshot shows only the page. */
export async function withoutToasts(page) {
  const toasts = page.locator('[data-sonner-toast]');
  await until(async () => {
    const close = page.locator('[data-sonner-toast] [data-close-button]');
    for (const button of await close.all()) await button.click({ timeout: 500 }).catch(() => undefined);
    return (await toasts.count()) === 0;
  }, 'toasts to go away', 10_000);
}
