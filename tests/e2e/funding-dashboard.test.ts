import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createCommitment } from '@mesa/server/testing';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { launchBrowser, openPage, runAxe, screenshot, Viewports } from '../helpers/browser.js';

// The funding dashboard and the scorecard with the real server: figures in the table and the
// bars, a disbursement recorded by another person through the API moving the bars live without
// a reload, the scorecard sorted by keyboard; axe finds nothing; screenshots in English and
// Spanish at 1280, 768 and 390 px.
describe('funding dashboard in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let donor: TestPerson;
  let reader: TestPerson;
  let lector: TestPerson;
  let program: { id: string; code: string | null };
  let recordId: string;
  const contexts: BrowserContext[] = [];

  const open = (
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number },
    path: string,
  ) => openPage(browser, server, contexts, person, { locale, viewport }, path);

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    const db = server.app.ctx.db;
    // The figures and donors below are this test's alone: the seed's documented pledges are
    // deleted (a deleted record counts nowhere).
    await db
      .updateTable('commitment_records')
      .set({ deleted_at: new Date().toISOString() })
      .where('seed_key', 'is not', null)
      .execute();
    program = await db
      .selectFrom('programs')
      .select(['id', 'code'])
      .where('priority', '=', 1)
      .where('code', 'is not', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('programs')
      .set({ estimated_cost_amount: '1000000', estimated_cost_currency: 'USD' })
      .where('id', '=', program.id)
      .execute();
    donor = await createPersonOn(server, {
      relation: 'partner',
      programId: program.id,
      name: 'Ana Donor',
    });
    reader = await createPersonOn(server, { role: 'viewer', name: 'Rita Reader' });
    lector = await createPersonOn(server, { role: 'viewer', name: 'Lucía Lectora', locale: 'es' });
    await db
      .updateTable('organizations')
      .set({ name_en: 'Kingdom of Example', name_es: 'Reino de Ejemplo' })
      .where('id', '=', donor.organizationId)
      .execute();
    recordId = (
      await createCommitment(server.app, {
        donorOrganizationId: donor.organizationId,
        programId: program.id,
        reportedBy: donor.userId,
        transactions: [
          { type: 'pledge', amount: '600000', currency: 'USD', valueDate: '2025-02-01' },
          { type: 'commitment', amount: '250000', currency: 'USD', valueDate: '2025-03-01' },
        ],
      })
    ).recordId;
    await createCommitment(server.app, {
      donorOrganizationId: donor.organizationId,
      reportedBy: donor.userId,
      transactions: [
        { type: 'commitment', amount: '5000000', currency: 'JPY', valueDate: '2025-04-01' },
      ],
    });
    const other = await createPersonOn(server, {});
    await db
      .updateTable('organizations')
      .set({ name_en: 'Agency of Zed', name_es: 'Agencia de Zed' })
      .where('id', '=', other.organizationId)
      .execute();
    await createCommitment(server.app, {
      donorOrganizationId: other.organizationId,
      reportedBy: other.userId,
      transactions: [
        { type: 'commitment', amount: '1000', currency: 'USD', valueDate: '2025-05-01' },
        { type: 'disbursement', amount: '10', currency: 'USD', valueDate: '2025-06-01' },
      ],
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  const priorityRow = (page: Page) =>
    page
      .getByRole('table', { name: /Priority programs|Programas prioritarios/ })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(program.code ?? '') }) });

  it('shows a program’s figures and gap in the table beside its bars, with no axe violation', async () => {
    const page = await open(reader, 'en', Viewports.laptop, '/funding');
    const row = priorityRow(page);
    await expect.poll(() => row.textContent()).toContain('$250,000');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('$1,000,000'); // estimated cost
    expect(text).toContain('$750,000'); // gap
    expect(text).toContain('$600,000'); // pledged, shown
    await expect.poll(() => page.getByText(/1 transaction has no exchange rate/).count()).toBe(1);
    // The chart is its own chunk, loaded after the tables.
    await page.getByRole('img', { name: /Chart of Priority programs/ }).waitFor();
    expect(
      await page.getByRole('link', { name: 'Download this view as CSV' }).getAttribute('href'),
    ).toBe('/api/funding/dashboard.csv?lang=en');
    expect(await runAxe(page)).toEqual([]);

    // Filters go into the address.
    await page.getByRole('combobox', { name: 'Programs', exact: true }).selectOption('true');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/priority=true/);
    // The page re-renders from the address after it changed: waited for, not read at once.
    await expect
      .poll(() =>
        page.getByRole('link', { name: 'Download this view as CSV' }).getAttribute('href'),
      )
      .toBe('/api/funding/dashboard.csv?priority=true&lang=en');
    expect(await page.getByRole('heading', { name: 'Strategy-wide' }).count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { name: 'Strategy-wide' }).waitFor();
  });

  it('moves the bars live when another person records a disbursement through the API', async () => {
    const page = await open(reader, 'en', Viewports.laptop, '/funding');
    const row = priorityRow(page);
    await expect.poll(() => row.textContent()).toContain('$250,000');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const segment = page.locator(`[data-row="${program.id}"] [data-segment="disbursed"] rect`);
    expect(await segment.count()).toBe(0);
    await expect.poll(() => page.getByText(/^Live:/).count()).toBe(1);

    const res = await fetchAs(server, donor, `/api/funding/records/${recordId}/transactions`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'disbursement',
        valueDate: '2026-01-15',
        amount: '400000',
        currency: 'USD',
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);

    // Funding is now the disbursement (400 000 > 250 000); the gap shrinks from 750 000 to
    // 600 000; a bar appears. (The pledges are 600 000 too: the gap is read as the 750 000 gone.)
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('$400,000');
    expect(await row.textContent()).not.toContain('$750,000');
    expect(await row.textContent()).toContain('$600,000');
    await expect.poll(() => segment.first().count()).toBe(1);
    expect(Number(await segment.first().getAttribute('width'))).toBeGreaterThan(0);
    await page.getByText(/Updated live at/).waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
  });

  it('sorts the scorecard by keyboard, the sort in the address and aria-sort', async () => {
    const page = await open(reader, 'en', Viewports.laptop, '/funding/scorecard');
    const table = page.getByRole('table');
    await table.waitFor();
    const donors = () => table.locator('tbody th').allTextContents();
    await expect.poll(donors).toEqual(['Agency of Zed', 'Kingdom of Example']);
    // Everything recorded before 2100 and never confirmed: Kingdom 3 (or 4), Agency 2.
    await page.getByLabel('Count as unconfirmed what was recorded before').fill('2100-01-01');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/unconfirmedBefore=2100-01-01/);
    const button = page.getByRole('button', { name: /Never confirmed/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/unconfirmedBefore=2100-01-01&sort=unconfirmed&direction=desc/);
    await expect.poll(donors).toEqual(['Kingdom of Example', 'Agency of Zed']);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain(
      'Never confirmed',
    );
    await page.getByRole('button', { name: /Never confirmed/ }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/direction=asc/);
    await expect.poll(donors).toEqual(['Agency of Zed', 'Kingdom of Example']);
    expect(await runAxe(page)).toEqual([]);
  });

  it('looks right in English and Spanish at laptop, tablet and phone widths', async () => {
    // English at laptop width; Spanish (the longer strings) at tablet and phone widths.
    for (const [locale, size] of [
      ['en', 'laptop'],
      ['es', 'tablet'],
      ['es', 'phone'],
    ] as const) {
      const viewport = Viewports[size];
      const page = await open(locale === 'es' ? lector : reader, locale, viewport, '/funding');
      await priorityRow(page).waitFor();
      await page.locator('.stacked-chart').first().waitFor();
      await screenshot(page, `funding-dashboard-${locale}-${size}`);
      expect(await runAxe(page)).toEqual([]);
      await page.goto('/funding/scorecard');
      await page.getByRole('table').waitFor();
      await screenshot(page, `funding-scorecard-${locale}-${size}`);
      expect(await runAxe(page)).toEqual([]);
      await page.context().close();
    }
  });
});
