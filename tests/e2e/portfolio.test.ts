import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Response } from 'playwright-core';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

const webDist = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

describe('portfolio in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let member: TestPerson;
  let programId: string;

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    member = await createPersonOn(server, { role: 'member', relation: 'lead', programId });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(Viewports)) {
      it(`shows the four components and the priority programs (${locale}, ${size})`, async () => {
        const context = await contextFor(browser, server, member, { locale, viewport });
        const page = await context.newPage();
        await page.goto('/');
        const heading = locale === 'en' ? 'Violence prevention' : 'Prevención de la violencia';
        await page.getByRole('heading', { name: new RegExp(heading) }).waitFor();
        // Every program is listed; only those the organization may read are links.
        expect(await page.getByText('BA1', { exact: true }).count()).toBeGreaterThan(0);
        expect(await page.locator(`a[href="/programs/${programId}"]`).count()).toBe(1);
        expect(await page.locator('a[href^="/programs/"]').count()).toBe(1);
        await screenshot(page, `portfolio-${locale}-${size}`);
        expect(await runAxe(page)).toEqual([]);
        await context.close();
      });
    }
  }

  it('opens a program page that shows unrecorded facts as not recorded, in English and Spanish', async () => {
    const context = await contextFor(browser, server, member, { locale: 'en' });
    const page = await context.newPage();
    await page.goto(`/programs/${programId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('Not recorded').count()).toBeGreaterThan(0);
    await screenshot(page, 'program-en-laptop');
    expect(await runAxe(page)).toEqual([]);
    await page
      .getByRole('button', { name: /Español/ })
      .or(page.getByRole('link', { name: /Español/ }))
      .first()
      .click();
    await page.getByText('No registrado').first().waitFor();
    await screenshot(page, 'program-es-laptop');
    expect(await runAxe(page)).toEqual([]);
    await context.close();
  });

  /** Opens `path` and collects the scripts it loads until `ready` resolves. */
  async function scriptsOf(
    person: TestPerson | null,
    path: string,
    ready: (page: Page) => Promise<unknown>,
  ) {
    const context = await contextFor(browser, server, person, { locale: 'en' });
    const page = await context.newPage();
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    await page.goto(path);
    await ready(page);
    const loaded = await Promise.all(
      scripts.map(async (response) => ({
        path: new URL(response.url()).pathname,
        headers: await response.allHeaders(),
        // What crossed the network: the compressed body.
        bytes: (await response.request().sizes()).responseBodySize,
      })),
    );
    await context.close();
    return loaded;
  }

  it('loads less than 250 KB of compressed JavaScript on the first page, as the Brotli copies the build made, without the editor', async () => {
    const signIn = await scriptsOf(null, '/', (page) =>
      page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(),
    );
    const portfolio = await scriptsOf(member, '/', (page) =>
      page.getByText('BA1', { exact: true }).first().waitFor(),
    );
    for (const scripts of [signIn, portfolio]) {
      const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
      expect(total).toBeGreaterThan(50_000);
      expect(total).toBeLessThan(250_000);
      expect(scripts.some((s) => s.path.includes('/PlanPanel-'))).toBe(false);
      const main = scripts.find((s) => /^\/assets\/index-[^/]+\.js$/.test(s.path));
      expect(main?.headers['content-encoding']).toBe('br');
      // Exactly the file the build wrote, not a compression made for this request.
      expect(Number(main?.headers['content-length'])).toBe(
        statSync(join(webDist, `${main?.path}.br`)).size,
      );
    }
    // The editor arrives with the plan.
    const program = await scriptsOf(member, `/programs/${programId}`, (page) =>
      page.locator('.ProseMirror').waitFor(),
    );
    expect(program.some((s) => s.path.includes('/PlanPanel-'))).toBe(true);
  });
});
