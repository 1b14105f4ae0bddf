// Shared by the dialer browser flows: a product with given settings, agents logged in with the
// widget open, the sandbox control API, and waits that keep screenshots free of spinners and toasts.
import { afterEach } from 'node:test';
import { until } from './browser.mjs';
import { logIn, useProduct } from './product-session.mjs';

export { withoutToasts } from './browser.mjs';

export { api, CALLER, SECOND_TRACKING, TRACKING } from './product-session.mjs';

/** The product (see useProduct) plus agents' browser contexts, closed after each test. */
export function useDialerProduct(env = {}) {
  const ctx = useProduct(env);
  // A failed test must not leave an agent online (and heartbeating) for the next one.
  const contexts = new Set();
  afterEach(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    contexts.clear();
  });

  /** A logged-in agent in its own browser context (or `context`), widget open. */
  ctx.agentPage = async (email, { context } = {}) => {
    context ??= await ctx.browser.newContext({ viewport: { width: 1360, height: 900 } });
    contexts.add(context);
    // The desktop-alert offer is covered by unit tests; here it would sit in every screenshot.
    await context.addInitScript(() => window.localStorage.setItem('rt.notificationsAsked', '1'));
    const page = await context.newPage();
    await logIn(page, ctx.server.url, email);
    await openWidget(page);
    return { context, page };
  };

  /** The sandbox calls whose `to` is `e164`, newest first, with their events. */
  ctx.legsTo = async (e164) => {
    const calls = await ctx.sandbox('/sandbox/calls?limit=50');
    return Promise.all(calls.filter((c) => c.to === e164).map((c) => ctx.sandbox(`/sandbox/calls/${c.callSid ?? c.sid}`)));
  };
  return ctx;
}

export async function openWidget(page) {
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

export async function statusOf(page) {
  return page.getByLabel('Status').inputValue();
}


