import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mentionToken } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

const Labels = {
  en: { live: /: Live$/, idle: 'Notifications', unread: 'Notifications, 1 unread' },
  es: { live: /: En vivo$/, idle: 'Notificaciones', unread: 'Notificaciones, 1 sin leer' },
} as const;

describe('the inbox in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let ana: TestPerson;
  let ben: TestPerson;
  let carla: TestPerson;
  const contexts: BrowserContext[] = [];

  async function open(
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number },
  ): Promise<Page> {
    const context = await contextFor(browser, server, person, { locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('status').filter({ hasText: Labels[locale].live }).waitFor();
    await page.getByRole('button', { name: Labels[locale].idle, exact: true }).waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    ana = await createPersonOn(server, { relation: 'lead', programId, name: 'Ana Pérez' });
    ben = await createPersonOn(server, { relation: 'partner', programId, name: 'Ben Ito' });
    carla = await createPersonOn(server, {
      relation: 'observer',
      programId,
      name: 'Carla Ruiz',
      locale: 'es',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('raises the count live when someone mentions you, lists it in the inbox and opens the thread from it', async () => {
    const benPage = await open(ben, 'en', Viewports.laptop);
    const carlaPage = await open(carla, 'es', Viewports.tablet);
    const res = await fetchAs(server, ana, '/api/threads', {
      method: 'POST',
      body: JSON.stringify({
        subject: { kind: 'program', programId },
        body: `${mentionToken(ben.userId, 'Ben Ito')} ${mentionToken(carla.userId, 'Carla Ruiz')} this indicator has no baseline.`,
      }),
    });
    expect(res.status).toBe(201);
    const threadId = ((await res.json()) as { id: string }).id;

    for (const [page, locale] of [
      [benPage, 'en'],
      [carlaPage, 'es'],
    ] as const) {
      // Live: no reload, the button's name and badge carry the new count.
      const button = page.getByRole('button', { name: Labels[locale].unread });
      await button.waitFor();
      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const item = page.getByRole('link', { name: /Ana Pérez/ });
      await item.waitFor();
      // The panel is on the screen whole, wherever the header put the button (at tablet width
      // in Spanish the header's tools wrap and the button sits left of the middle).
      const box = await page.locator('.inbox__panel').boundingBox();
      const width = page.viewportSize()!.width;
      expect(box!.x, locale).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, locale).toBeLessThanOrEqual(width);
      const text = await item.textContent();
      expect(text).toContain(
        locale === 'en' ? 'mentioned you in the discussion of' : 'le mencionó en el debate sobre',
      );
      expect(text).toContain('this indicator has no baseline');
      expect(await runAxe(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      // The screenshot comes last: a full-page capture resizes the viewport for a moment, and
      // at tablet width that can fold the header into its menu and close the panel.
      await button.click();
      await item.waitFor();
      await screenshot(page, `inbox-open-${locale}`);
      await page.keyboard.press('Escape');
    }

    // Following the notification opens the thread in the program's discussion and marks it read.
    await benPage.getByRole('button', { name: Labels.en.unread }).click();
    await benPage.getByRole('link', { name: /Ana Pérez/ }).click();
    await benPage.waitForURL(`**/programs/${programId}?discussion=${threadId}`);
    await benPage.getByRole('heading', { level: 1 }).waitFor();
    // The program's discussion opens on that thread.
    await benPage.getByRole('heading', { name: 'Thread started by Ana Pérez' }).waitFor();
    await benPage.getByRole('button', { name: Labels.en.idle, exact: true }).waitFor();
  });
});
