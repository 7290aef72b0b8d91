import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { programRoom } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { waitFor } from '../helpers/sockets.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

const Labels = {
  en: { online: 'Online now', live: /: Live$/ },
  es: { online: 'En línea', live: /: En vivo$/ },
} as const;

// A person's own list item starts with their name; their organization's item starts with its name.
const personItem = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ hasText: new RegExp(`^${name}`) });

describe('live layer in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let ana: TestPerson;
  let luis: TestPerson;
  const contexts: BrowserContext[] = [];

  async function renameOrganization(person: TestPerson, en: string, es: string): Promise<void> {
    await server.app.ctx.db
      .updateTable('organizations')
      .set({ name_en: en, name_es: es })
      .where('id', '=', person.organizationId)
      .execute();
  }

  async function openPortfolio(
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number } = Viewports.laptop,
  ): Promise<Page> {
    const context = await contextFor(browser, server, person, { locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByText('BA1', { exact: true }).first().waitFor();
    await page.getByRole('status').filter({ hasText: Labels[locale].live }).waitFor();
    return page;
  }

  async function openOnlineNow(page: Page, locale: 'en' | 'es') {
    const button = page.getByRole('button', { name: new RegExp(Labels[locale].online) });
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    return button;
  }

  async function retitle(titleEn: string, titleEs: string): Promise<void> {
    await server.app.ctx.db
      .updateTable('programs')
      .set({ title_en: titleEn, title_es: titleEs })
      .where('id', '=', programId)
      .execute();
    server.app.events.emit('program.updated', { programId });
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    ana = await createPersonOn(server, { relation: 'lead', programId, name: 'Ana Morales' });
    luis = await createPersonOn(server, { relation: 'partner', programId, name: 'Luis Pérez' });
    await renameOrganization(
      ana,
      'Guatemala Ministry of Security',
      'Ministerio de Seguridad de Guatemala',
    );
    await renameOrganization(
      luis,
      'El Salvador National Civil Police',
      'Policía Nacional Civil de El Salvador',
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows each person the other in Online now, by organization in their own language, and passes axe with it open', async () => {
    const anaPage = await openPortfolio(ana, 'en');
    const luisPage = await openPortfolio(luis, 'es');
    for (const [page, locale, other] of [
      [anaPage, 'en', luis],
      [luisPage, 'es', ana],
    ] as const) {
      const button = await openOnlineNow(page, locale);
      const names =
        locale === 'en'
          ? /National Civil Police|Ministry of Security/
          : /Policía Nacional|Ministerio de Seguridad/;
      const group = page.getByRole('list', { name: names });
      await personItem(page, other.name).waitFor();
      expect(await group.count()).toBe(2);
      await button.filter({ hasText: '2' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
      // Open again for the picture, last: a full-page screenshot resizes the viewport for a
      // moment, which can cross the header's narrow breakpoint and rebuild it.
      await button.click();
      await screenshot(page, `live-online-now-${locale}`);
    }
  });

  it("shows an edited program's new title on another person's open portfolio without a reload or refetch", async () => {
    const page = await openPortfolio(luis, 'es', Viewports.tablet);
    await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));
    const refetches: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/programs') refetches.push(request.url());
    });
    await retitle('Safer schools', 'Escuelas más seguras');
    await page.getByRole('link', { name: /Escuelas más seguras/ }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(
      true,
    );
    expect(refetches).toEqual([]);
    await screenshot(page, 'live-portfolio-updated-es-tablet');
  });

  it('merges the details into an open program page that follows the program room', async () => {
    const context = await contextFor(browser, server, ana, { locale: 'en' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/programs/${programId}`);
    await page.getByRole('status').filter({ hasText: Labels.en.live }).waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The page joins the room with an acknowledged command; wait until the server has it there.
    const room = server.app.realtime.io.in(programRoom(programId));
    await waitFor(async () => expect(await room.fetchSockets()).toHaveLength(1));
    await retitle('Safer schools and streets', 'Escuelas y calles más seguras');
    await page.getByRole('heading', { level: 1, name: /Safer schools and streets/ }).waitFor();
    await screenshot(page, 'live-program-updated-en');
  });

  it('sends a person whose session ended to sign in and does not reconnect', async () => {
    const watcher = await openPortfolio(ana, 'en');
    const ended = await createPersonOn(server, { name: 'Rosa Díaz' });
    const page = await openPortfolio(ended, 'en');
    await openOnlineNow(watcher, 'en');
    await personItem(watcher, 'Rosa Díaz').waitFor();
    server.app.events.emit('session.ended', { sessionId: ended.sessionId, userId: ended.userId });
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/');
    await personItem(watcher, 'Rosa Díaz').waitFor({ state: 'detached' });
    // The session itself is still valid: only the client's refusal to reconnect keeps her out.
    // Deliberately waiting past the first reconnection delay (1 s) to see that none happens.
    await page.waitForTimeout(2_500);
    expect(await personItem(watcher, 'Rosa Díaz').count()).toBe(0);
  });
});
