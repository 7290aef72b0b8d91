import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RoundReplySchema } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout.js';

const SHOTS = '/tmp/shots-priorities';

describe('priority rounds in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestPerson;
  let lead: TestPerson;
  let partner: TestPerson;
  let roundId: string;
  const contexts: BrowserContext[] = [];

  async function open(
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number },
  ): Promise<Page> {
    const context = await contextFor(browser, server, person, { locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/priorities/${roundId}`);
    await page
      .getByRole('heading', { level: 1, name: /Priorities 2027|Prioridades 2027/ })
      .waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    const programId = await aProgramId(server);
    admin = await createPersonOn(server, { role: 'admin', name: 'Marta Admin' });
    lead = await createPersonOn(server, { relation: 'lead', programId, name: 'Ana Morales' });
    partner = await createPersonOn(server, {
      relation: 'partner',
      programId,
      name: 'Luis Pérez',
      locale: 'es',
    });
    const res = await fetchAs(server, admin, '/api/rounds', {
      method: 'POST',
      body: JSON.stringify({
        title: { en: 'Priorities 2027', es: 'Prioridades 2027' },
        places: 3,
        closesAt: '2099-03-01T15:30:00Z',
        resultsVisibility: 'while_open',
      }),
    });
    roundId = RoundReplySchema.parse(await res.json()).round.id;
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets a delegation rank programs by keyboard and shows the board change in a second browser', async () => {
    const ana = await open(lead, 'en', Viewports.laptop);
    const luis = await open(partner, 'es', Viewports.tablet);
    await luis.getByRole('table').waitFor();
    expect(await luis.getByRole('cell', { name: '1 delegación' }).count()).toBe(0);

    // Add three programs with the keyboard only.
    const add = ana.getByRole('button', { name: 'Add', exact: true });
    for (let i = 0; i < 3; i += 1) {
      await add.focus();
      await ana.keyboard.press('Enter');
    }
    const rows = ana.locator('.ballot__list > li');
    expect(await rows.count()).toBe(3);
    const third = (await rows.nth(2).getAttribute('data-program-id'))!;
    // Alt+ArrowUp on the third place moves it to the second, announced.
    await rows
      .nth(2)
      .getByRole('button', { name: /^Move up/ })
      .focus();
    await ana.keyboard.press('Alt+ArrowUp');
    await ana.getByText(/moved to position 2 of 3$/).waitFor({ state: 'attached' });
    expect(await rows.nth(1).getAttribute('data-program-id')).toBe(third);
    await ana.getByRole('button', { name: 'Save the ballot' }).focus();
    await ana.keyboard.press('Enter');
    await ana.getByText(/^Last changed by Ana Morales/).waitFor();

    // The second browser's board follows live: the moved program is second with 2 points.
    const score = luis.locator(`tr[data-program-id="${third}"] td.board-table__number`).first();
    await score.filter({ hasText: /^2$/ }).waitFor();
    expect(await luis.locator('tbody tr').nth(1).getAttribute('data-program-id')).toBe(third);
    expect(await runAxe(ana)).toEqual([]);
    expect(await runAxe(luis)).toEqual([]);
    await screenshot(luis, 'priorities-board-es-tablet');

    // The moved program's line has its discussion: Luis starts a thread there, Ana reads it.
    await luis
      .locator(`tr[data-program-id="${third}"]`)
      .getByRole('button', { name: /^Comentar/ })
      .click();
    await luis.getByRole('heading', { name: /^Debate sobre/ }).waitFor();
    await luis
      .getByRole('textbox', { name: 'Inicie una conversación sobre este programa' })
      .fill('Propongo subirlo: tiene línea de base.');
    await luis.getByRole('button', { name: 'Iniciar una conversación' }).click();
    await ana
      .locator(`tr[data-program-id="${third}"]`)
      .getByRole('button', { name: /^Discuss/ })
      .click();
    const heading = ana.getByRole('heading', { name: /^Discussion of/ });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await ana.getByText('Propongo subirlo: tiene línea de base.').waitFor();
    expect(await runAxe(ana)).toEqual([]);
  });

  it('looks right at laptop, tablet and phone widths in English and Spanish', async () => {
    for (const [name, viewport] of Object.entries(Viewports)) {
      for (const [person, locale] of [
        [lead, 'en'],
        [partner, 'es'],
      ] as const) {
        const page = await open(person, locale, viewport);
        await page.getByRole('table').waitFor();
        await page.getByRole('img', { name: /Bar chart|Gráfico de barras/ }).waitFor();
        expect(await layoutProblems(page), `${locale} ${name}`).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/round-${locale}-${name}.png`, fullPage: true });
        await page.close();
      }
    }
    // The rounds list with the admin's form to open one.
    for (const [name, viewport] of [
      ['laptop', Viewports.laptop],
      ['phone', Viewports.phone],
    ] as const) {
      const context = await contextFor(browser, server, admin, { locale: 'en', viewport });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto('/priorities');
      await page.getByRole('heading', { name: 'Open a priority round' }).waitFor();
      await page.getByRole('link', { name: 'Priorities 2027' }).waitFor();
      expect(await layoutProblems(page), name).toEqual([]);
      expect(await runAxe(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/rounds-en-${name}.png`, fullPage: true });
    }
  });
});
