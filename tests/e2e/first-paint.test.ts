import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

// The app's scripts: the entry module and the chunks it imports.
const SCRIPTS = '**/assets/*.js';

describe('the first paint, before the app runs', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function phonePage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    // As contextFor's signed-out context, with a switch for JavaScript.
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: Viewports.phone,
      baseURL: server.url,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('shows the app’s name and that the page is loading, in both languages, while the scripts have not arrived', async () => {
    const page = await phonePage();
    await page.route(SCRIPTS, (route) => route.abort());
    await page.goto('/sign-in');
    await page.getByText('Mesa', { exact: true }).waitFor();
    const status = page.getByRole('status');
    expect(await status.innerText()).toContain('Loading the page…');
    expect(await status.locator('[lang="es"]').innerText()).toBe('Cargando la página…');
    expect(await page.getByRole('banner').isVisible()).toBe(true);
    expect(await page.getByRole('main').isVisible()).toBe(true);
    // Styled by the app's stylesheet: the navy header, not bare text.
    const background = await page
      .getByRole('banner')
      .evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(background).toBe('rgb(15, 42, 68)');
    await screenshot(page, 'first-paint-shell-phone');
    expect(await runAxe(page)).toEqual([]);
  });

  it('replaces the loading page with the app once its slow scripts arrive', async () => {
    const page = await phonePage();
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await page.route(SCRIPTS, async (route: Route) => {
      await arrived;
      await route.continue();
    });
    await page.goto('/sign-in', { waitUntil: 'commit' });
    await page.getByRole('status').filter({ hasText: 'Loading the page…' }).waitFor();
    release();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByText('Cargando la página…').count()).toBe(0);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
  });

  it('tells a browser without JavaScript that Mesa needs it, in both languages', async () => {
    const page = await phonePage({ javaScriptEnabled: false });
    await page.goto('/sign-in');
    // Playwright's text locators skip <noscript>; read its paragraphs as the browser shows them.
    const texts = await page.locator('noscript p').allInnerTexts();
    expect(texts[0]).toContain('Mesa needs JavaScript.');
    expect(texts[1]).toContain('Mesa necesita JavaScript.');
    expect(await page.locator('noscript p').first().isVisible()).toBe(true);
    // Nothing is loading without JavaScript, so the page does not say so.
    expect(await page.locator('.loading-state').isVisible()).toBe(false);
    // No axe here: axe is a script too, and this browser runs none.
    await screenshot(page, 'first-paint-no-javascript-phone');
  });
});
