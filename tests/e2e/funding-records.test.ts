import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ProgramFundingReplySchema, formatMinor, parseDecimal } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { launchBrowser, openPage, runAxe, Viewports } from '../helpers/browser.js';

// The funding pages with the real server: a partner member records a pledge, then a commitment
// in yen on a program with an estimated cost and a JPY rate (set up through the API as an
// admin), and sees the gap on the program page move by the commitment's USD value only; a
// transaction entered by keyboard alone; axe on every page; screenshots EN and ES.
const SHOTS = '/tmp/shots-funding-web';

describe('funding records in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestPerson;
  let member: TestPerson;
  let reader: TestPerson;
  let programId: string;
  let recordId: string;
  const contexts: BrowserContext[] = [];

  const open = (
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number },
    path: string,
  ) => openPage(browser, server, contexts, person, { locale, viewport }, path);

  async function gapNow(): Promise<string> {
    const res = await fetchAs(server, member, `/api/programs/${programId}/funding`);
    const { funding } = ProgramFundingReplySchema.parse(await res.json());
    if (funding.gap === null) throw new Error('the gap should be known');
    return funding.gap;
  }

  const usd = (amount: string) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      amount as `${number}`,
    );

  async function shot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    admin = await createPersonOn(server, { role: 'admin', name: 'Admin Rivera' });
    member = await createPersonOn(server, {
      relation: 'partner',
      programId,
      name: 'Kenji Sato',
    });
    reader = await createPersonOn(server, {
      organizationId: member.organizationId,
      name: 'Lucía Pérez',
      locale: 'es',
    });
    const cost = await fetchAs(server, admin, `/api/programs/${programId}`, {
      method: 'PATCH',
      body: JSON.stringify({ estimatedCost: { amount: '5000000', currency: 'USD' } }),
    });
    expect(cost.status).toBe(200);
    const rate = await fetchAs(server, admin, '/api/funding/rates', {
      method: 'PUT',
      body: JSON.stringify({ currency: 'JPY', date: '2020-01-01', rate: '150', source: 'Test' }),
    });
    expect(rate.status).toBe(200);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('records a pledge then a commitment in yen and sees the gap change', async () => {
    const before = await gapNow();
    const page = await open(member, 'en', Viewports.laptop, `/programs/${programId}`);
    const section = page.locator('#funding');
    const gap = section.getByTestId('funding-gap');
    await expect.poll(() => gap.textContent()).toBe(usd(before));

    await section.getByRole('link', { name: 'Record a commitment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a commitment' }).waitFor();
    await page.getByRole('combobox', { name: 'Type' }).selectOption('pledge');
    await page.getByLabel('Value date').fill('2026-03-01');
    const currency = page.getByRole('combobox', { name: 'Currency' });
    await currency.fill('yen');
    await currency.press('Enter');
    const amount = page.getByRole('textbox', { name: 'Amount' });
    await amount.fill('150000000.5');
    await page.getByText('JPY has no decimals: enter a whole amount.').waitFor();
    await amount.fill('150000000');
    await page.getByText('Will be stored as ¥150,000,000').waitFor();
    await page
      .getByRole('textbox', { name: 'Description in English' })
      .fill('Support to the prevention programme');
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save the commitment' }).click();

    await page.getByText('Saved: the record and its first transaction are stored.').waitFor();
    recordId = page.url().split('/').pop() ?? '';
    expect(await gapNow()).toBe(before); // a pledge is never funding

    await page.getByRole('button', { name: 'Add a transaction' }).click();
    await page.getByRole('combobox', { name: 'Type' }).selectOption('commitment');
    await page.getByLabel('Value date').fill('2026-03-15');
    await page.getByRole('combobox', { name: 'Currency' }).fill('JPY');
    await page.getByRole('combobox', { name: 'Currency' }).press('Enter');
    await page.getByRole('textbox', { name: 'Amount' }).fill('150000000');
    await page.getByRole('button', { name: 'Add the transaction' }).click();
    await page.getByText('Saved: the transaction was added.').waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(2).textContent()).toContain('$1,000,000.00');
    expect(await runAxe(page)).toEqual([]);

    // ¥150,000,000 at 150 per dollar: the gap shrinks by exactly $1,000,000.
    const expected = formatMinor((parseDecimal(before, 2) ?? 0n) - 100_000_000n, 2);
    await page.goto(`/programs/${programId}#funding`);
    await expect.poll(() => gap.textContent()).toBe(usd(expected));
    expect(await gapNow()).toBe(expected);
    const list = section.getByRole('listitem').filter({ hasText: 'Support to the prevention' });
    expect(await list.textContent()).toContain('¥150,000,000');
    expect(await runAxe(page)).toEqual([]);
  }, 90_000);

  it('enters a transaction by keyboard alone', async () => {
    const page = await open(member, 'en', Viewports.laptop, `/funding/records/${recordId}`);
    await page.getByRole('button', { name: 'Add a transaction' }).focus();
    await page.keyboard.press('Enter');
    const type = page.getByRole('combobox', { name: 'Type' });
    await expect.poll(() => type.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown'); // commitment → disbursement
    await expect.poll(() => type.inputValue()).toBe('disbursement');
    const currency = page.getByRole('combobox', { name: 'Currency' });
    for (let i = 0; i < 6; i += 1) {
      if (await currency.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('yen');
    await page.keyboard.press('Enter');
    expect(await currency.inputValue()).toBe('JPY — Yen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30000000');
    await page.getByText('Will be stored as ¥30,000,000').waitFor();
    await page.keyboard.press('Enter'); // submits the form from the amount field
    await page.getByText('Saved: the transaction was added.').waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await page.getByRole('table').textContent()).toContain('Disbursement');
    // Focus came back to the button that opened the form.
    const add = page.getByRole('button', { name: 'Add a transaction' });
    await expect.poll(() => add.evaluate((el) => el === document.activeElement)).toBe(true);
  }, 60_000);

  it('shows the pages in English and Spanish at laptop, tablet and phone widths', async () => {
    const pages: [string, string][] = [
      ['program', `/programs/${programId}#funding`],
      ['record', `/funding/records/${recordId}`],
      ['new', `/funding/records/new?programId=${programId}`],
      ['rates', '/funding/rates'],
    ];
    // English at laptop width; Spanish (the longer strings) at tablet and phone widths.
    for (const [locale, person, size] of [
      ['en', member, 'laptop'],
      ['es', reader, 'tablet'],
      ['es', reader, 'phone'],
    ] as const) {
      const viewport = Viewports[size];
      for (const [name, path] of pages) {
        const page = await open(person, locale, viewport, path);
        if (name === 'program') {
          await page.locator('#funding').getByTestId('funding-gap').waitFor();
          await page.locator('#funding').scrollIntoViewIfNeeded();
        }
        if (name === 'record') await page.getByRole('table').waitFor();
        if (name === 'rates') await page.getByRole('table').waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} ${locale} ${size} scrolls sideways`).toBeLessThanOrEqual(0);
        if (size !== 'phone') expect(await runAxe(page)).toEqual([]);
        await shot(page, `${name}-${locale}-${size}`);
        await page.context().close();
      }
    }
    // The admin's rates page: the form and the import.
    const page = await open(admin, 'en', Viewports.laptop, '/funding/rates');
    await page.getByRole('heading', { name: 'Add or correct a rate' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await shot(page, 'rates-admin-en-laptop');
  }, 240_000);
});
