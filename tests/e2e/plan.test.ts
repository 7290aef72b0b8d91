import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';
import { startProxy, type TcpProxy } from '../helpers/proxy.js';
import { planStatus, typeAtEnd } from '../helpers/plan-page.js';

/** The plan's text without the other people's caret labels (which sit inside it). */
function planText(page: Page): Promise<string> {
  return page.locator('.plan-doc').evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText;
  });
}

const status = planStatus;

describe('the plan in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  // Two ways in: `stable` for most people, `flaky` for the one whose network we cut.
  let stable: TcpProxy;
  let flaky: TcpProxy;
  let programId: string;
  let ana: TestPerson;
  let beto: TestPerson;
  let vera: TestPerson;
  const contexts: BrowserContext[] = [];

  // contextFor sets the session cookie on the URL it is given: a cookie is per host:port.
  async function open(
    person: TestPerson,
    via: TcpProxy,
    options: Parameters<typeof contextFor>[3] = {},
  ): Promise<Page> {
    const context = await contextFor(browser, { ...server, url: via.url }, person, options);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/programs/${programId}`);
    return page;
  }

  beforeAll(async () => {
    stable = await startProxy();
    flaky = await startProxy();
    // The server checks Origin against PUBLIC_URL: the proxies' origins must be allowed.
    server = await startServer({
      env: { MESA_ALLOWED_ORIGINS: `${stable.url},${flaky.url}` },
    });
    const port = Number(new URL(server.url).port);
    stable.forwardTo(port);
    flaky.forwardTo(port);
    programId = await aProgramId(server);
    ana = await createPersonOn(server, {
      role: 'member',
      relation: 'lead',
      programId,
      name: 'Ana Pérez',
    });
    beto = await createPersonOn(server, {
      role: 'member',
      relation: 'partner',
      programId,
      name: 'Beto Ruiz',
    });
    vera = await createPersonOn(server, {
      role: 'viewer',
      relation: 'partner',
      programId,
      name: 'Vera Solís',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await stable?.close();
    await flaky?.close();
  });

  it('lets two people co-edit, survives a real disconnection, and shows readers the plan live', async () => {
    const anaPage = await open(ana, stable);
    const betoPage = await open(beto, flaky);
    await status(anaPage, 'saved').waitFor({ timeout: 20_000 });
    await status(betoPage, 'saved').waitFor({ timeout: 20_000 });

    // Each sees the other's text and caret (labelled with name and organization).
    await typeAtEnd(anaPage, 'Ana drafts the objectives.');
    await betoPage.getByText('Ana drafts the objectives.').waitFor();
    await typeAtEnd(betoPage, 'Beto adds the budget.');
    await anaPage.getByText('Beto adds the budget.').waitFor();
    await anaPage
      .locator('.collaboration-carets__label', { hasText: 'Beto Ruiz' })
      .first()
      .waitFor();
    await betoPage
      .locator('.collaboration-carets__label', { hasText: 'Ana Pérez' })
      .first()
      .waitFor();
    await anaPage
      .locator('section.presence .presence-list__name', { hasText: 'Beto Ruiz' })
      .first()
      .waitFor();

    // Beto's network drops for real; he keeps typing and is told his changes are kept.
    flaky.cut();
    await status(betoPage, 'offline').waitFor({ timeout: 15_000 });
    expect(await betoPage.locator('.save-status').innerText()).toContain(
      'Offline — your changes are kept on this device',
    );
    await typeAtEnd(betoPage, 'Typed by Beto while offline.');
    await typeAtEnd(anaPage, 'Ana keeps writing meanwhile.');
    await screenshot(betoPage, 'plan-offline-en-laptop');
    expect(await anaPage.getByText('Typed by Beto while offline.').count()).toBe(0);
    // Who is online is the last known list, and says so.
    await betoPage.getByRole('button', { name: /Online now\s*2\s*\(last known\)/ }).click();
    await betoPage.getByText('Connection lost: this is who was online when it dropped.').waitFor();
    await screenshot(betoPage, 'plan-offline-online-now-en-laptop');
    await betoPage.keyboard.press('Escape');

    // The network returns: both converge and Beto's status comes back to Saved.
    flaky.restore();
    await status(betoPage, 'saved').waitFor({ timeout: 20_000 });
    await anaPage.getByText('Typed by Beto while offline.').waitFor({ timeout: 10_000 });
    await betoPage.getByText('Ana keeps writing meanwhile.').waitFor({ timeout: 10_000 });
    await status(anaPage, 'saved').waitFor();
    expect(await planText(betoPage)).toBe(await planText(anaPage));

    // A viewer sees the plan live, read-only (the caret moves, nothing she types stays) and
    // with no toolbar.
    const veraPage = await open(vera, stable);
    await status(veraPage, 'read-only').waitFor({ timeout: 20_000 });
    await veraPage.getByText('Typed by Beto while offline.').waitFor();
    expect(await veraPage.locator('.plan-doc[aria-readonly="true"]').count()).toBe(1);
    expect(
      await veraPage.locator('[contenteditable="true"]:not([aria-readonly="true"])').count(),
    ).toBe(0);
    expect(await veraPage.getByRole('toolbar').count()).toBe(0);
    await typeAtEnd(veraPage, 'Vera cannot write this.');
    await typeAtEnd(anaPage, 'Live for readers too.');
    await veraPage.getByText('Live for readers too.').waitFor();
    expect(await veraPage.getByText('Vera cannot write this.').count()).toBe(0);
    expect(await anaPage.getByText('Vera cannot write this.').count()).toBe(0);
    await status(veraPage, 'read-only').waitFor();
    expect(await runAxe(veraPage)).toEqual([]);
    expect(await runAxe(anaPage)).toEqual([]);
    await screenshot(veraPage, 'plan-viewer-en-laptop');
    for (const page of [anaPage, betoPage, veraPage]) await page.context().close();
  });

  it('saves a named version, compares it with the current plan and restores it for everyone', async () => {
    const anaPage = await open(ana, stable);
    const betoPage = await open(beto, stable);
    await status(anaPage, 'saved').waitFor({ timeout: 20_000 });
    await status(betoPage, 'saved').waitFor({ timeout: 20_000 });
    await typeAtEnd(anaPage, 'Version one text.');
    await status(anaPage, 'saved').waitFor();
    await anaPage.getByLabel('Version name').fill('Draft sent to donors');
    await anaPage.getByRole('button', { name: 'Save version' }).click();
    const item = anaPage.locator('.versions__item', { hasText: 'Draft sent to donors' });
    await item.waitFor();
    expect(await item.innerText()).toContain('Ana Pérez');
    expect(await item.innerText()).toMatch(/\d{2}:\d{2}/);

    await typeAtEnd(anaPage, 'Added after the version.');
    await status(anaPage, 'saved').waitFor();
    await item.getByRole('button', { name: 'Compare with current' }).click();
    await anaPage.locator('.diff__line--added', { hasText: 'Added after the version.' }).waitFor();
    await screenshot(anaPage, 'plan-versions-compare-en-laptop');

    await item.getByRole('button', { name: 'View' }).click();
    await anaPage.locator('.version-viewer', { hasText: 'Version one text.' }).waitFor();
    expect(await anaPage.locator('.version-viewer [contenteditable="true"]').count()).toBe(0);
    await anaPage.locator('.version-detail').getByRole('button', { name: 'Restore' }).click();
    await anaPage.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
    await anaPage.getByText('Version restored.').waitFor();
    // The restore reaches the other editor live, through the document.
    await betoPage.waitForFunction(
      () => !document.querySelector('.plan-doc')?.textContent?.includes('Added after the version.'),
    );
    expect(await runAxe(anaPage)).toEqual([]);

    // Printing keeps only the plan.
    await anaPage.emulateMedia({ media: 'print' });
    expect(await anaPage.locator('.plan-toolbar').isVisible()).toBe(false);
    expect(await anaPage.locator('.site-header').isVisible()).toBe(false);
    await screenshot(anaPage, 'plan-print-en');
    for (const page of [anaPage, betoPage]) await page.context().close();
  });

  for (const locale of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(Viewports)) {
      it(`shows the plan with presence and carets (${locale}, ${size})`, async () => {
        const anaPage = await open(ana, stable, { locale, viewport });
        const betoPage = await open(beto, stable, { locale, viewport });
        await status(anaPage, 'saved').waitFor({ timeout: 20_000 });
        await status(betoPage, 'saved').waitFor({ timeout: 20_000 });
        await typeAtEnd(betoPage, locale === 'en' ? 'Beto is here.' : 'Beto está aquí.');
        await anaPage
          .locator('.collaboration-carets__label', { hasText: 'Beto Ruiz' })
          .first()
          .waitFor();
        await status(anaPage, 'saved').waitFor();
        const saved = locale === 'en' ? 'Saved' : 'Guardado';
        expect(await anaPage.locator('.save-status').innerText()).toContain(saved);
        await screenshot(anaPage, `plan-${locale}-${size}`);
        expect(await runAxe(anaPage)).toEqual([]);
        await anaPage.context().close();
        await betoPage.context().close();
      });
    }
  }
});
