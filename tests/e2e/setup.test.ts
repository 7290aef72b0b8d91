import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

const PASSWORD = 'lanterns over the quiet harbour';

// What the page must show, and what it must never flash once the administrator exists.
const text = {
  en: {
    title: 'Set up Mesa',
    email: 'Email',
    name: 'Name',
    password: 'Password',
    submit: 'Create the administrator',
    dead: ['This setup link no longer works', 'Sign in instead'],
  },
  es: {
    title: 'Configurar Mesa',
    email: 'Correo electrónico',
    name: 'Nombre',
    password: 'Contraseña',
    submit: 'Crear el administrador',
    dead: ['Este enlace de configuración ya no funciona', 'Inicie sesión.'],
  },
} as const;

/** The workspace's first page, in whichever language the new account got. */
const PORTFOLIO = /^(Program portfolio|Cartera de programas)$/;
/** The dead-link message in either language: the interface may switch to the account's. */
const DEAD = [...text.en.dead, ...text.es.dead];

/**
 * Records, from now on, every moment one of `phrases` is on the page: a MutationObserver sees
 * each change of the document, so a message shown for one frame is caught too.
 */
async function watchFor(page: Page, phrases: readonly string[]): Promise<() => Promise<string[]>> {
  await page.evaluate((watched) => {
    const seen: string[] = [];
    const check = () => {
      const shown = document.body.textContent ?? '';
      for (const phrase of watched) if (shown.includes(phrase)) seen.push(phrase);
    };
    new MutationObserver(check).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    check();
    (window as unknown as { mesaSeen: string[] }).mesaSeen = seen;
  }, phrases);
  return () => page.evaluate(() => (window as unknown as { mesaSeen: string[] }).mesaSeen);
}

describe.each(['en', 'es'] as const)('the setup link in the browser (%s)', (locale) => {
  const t = text[locale];
  let server: TestServer;
  let browser: Browser;
  let setupUrl = '';

  beforeAll(async () => {
    server = await startServerOnOwnOrigin({ app: { announce: (url) => (setupUrl = url) } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the setup form at every width, accessible', async () => {
    for (const [size, viewport] of Object.entries(Viewports)) {
      const context = await contextFor(browser, server, null, { locale, viewport });
      const page = await context.newPage();
      await page.goto(setupUrl);
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await page.getByRole('button', { name: t.submit }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      await screenshot(page, `setup-${locale}-${size}`);
      await context.close();
    }
  });

  it('creates the first administrator and opens the workspace, never saying the link died', async () => {
    const context = await contextFor(browser, server, null, { locale });
    const page = await context.newPage();
    await page.goto(setupUrl);
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByLabel(t.email).fill(`first-admin-${locale}@example.org`);
    await page.getByLabel(t.name, { exact: true }).fill('Primera Administradora');
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    const seen = await watchFor(page, DEAD);
    await page.getByRole('button', { name: t.submit }).click();
    await page.getByRole('heading', { level: 1, name: PORTFOLIO }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('button', { name: /Primera Administradora/ }).waitFor();
    expect(await seen()).toEqual([]);

    // The link was used: opened again, it says so.
    await page.goto(setupUrl);
    await page.getByRole('heading', { level: 1, name: new RegExp(DEAD.join('|')) }).waitFor();
    await context.close();
  });
});
