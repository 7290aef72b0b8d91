import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Response } from 'playwright-core';
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

  it("loads the app's scripts as the Brotli copies the build made", async () => {
    const context = await contextFor(browser, server, member, { locale: 'en' });
    const page = await context.newPage();
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    await page.goto('/');
    await page.getByText('BA1', { exact: true }).first().waitFor();
    const main = scripts.find((r) => /\/assets\/index-[^/]+\.js$/.test(r.url()));
    expect(main).toBeDefined();
    const headers = await main!.allHeaders();
    expect(headers['content-encoding']).toBe('br');
    // Exactly the file the build wrote, not a compression made for this request.
    const built = join(webDist, new URL(main!.url()).pathname + '.br');
    expect(Number(headers['content-length'])).toBe(statSync(built).size);
    await context.close();
  });
});
