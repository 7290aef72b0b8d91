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

  /** A round made for a test: its id and a pattern of its title in either language. */
  interface TestRound {
    id: string;
    title: RegExp;
    candidates: string[];
  }

  async function open(
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number },
    round: Pick<TestRound, 'id' | 'title'> = {
      id: roundId,
      title: /Priorities 2027|Prioridades 2027/,
    },
    query = '',
  ): Promise<Page> {
    const context = await contextFor(browser, server, person, { locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/priorities/${round.id}${query}`);
    await page.getByRole('heading', { level: 1, name: round.title }).waitFor();
    return page;
  }

  /** The admin opens a round of every program; its id. */
  async function openRound(
    title: { en: string; es: string },
    resultsVisibility: 'while_open' | 'after_close',
  ): Promise<TestRound> {
    const res = await fetchAs(server, admin, '/api/rounds', {
      method: 'POST',
      body: JSON.stringify({
        title,
        places: 3,
        closesAt: '2099-03-01T15:30:00Z',
        resultsVisibility,
      }),
    });
    const round = RoundReplySchema.parse(await res.json()).round;
    return {
      id: round.id,
      title: new RegExp(`${title.en}|${title.es}`),
      candidates: round.candidateProgramIds,
    };
  }

  /** A delegation's member saves its ballot through the API. */
  async function saveBallot(
    person: TestPerson,
    id: string,
    entries: { programId: string; rationale: string | null }[],
  ): Promise<void> {
    const res = await fetchAs(server, person, `/api/rounds/${id}/ballot`, {
      method: 'PUT',
      body: JSON.stringify({ entries, revision: 0 }),
    });
    expect(res.status).toBe(200);
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
    roundId = (await openRound({ en: 'Priorities 2027', es: 'Prioridades 2027' }, 'while_open')).id;
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
    // Focus stays on the button used, at the entry's new place.
    await expect
      .poll(() =>
        rows
          .nth(1)
          .getByRole('button', { name: /^Move up/ })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    const order = await rows.evaluateAll((lis) => lis.map((li) => li.dataset.programId));
    await ana.getByRole('button', { name: 'Save the ballot' }).focus();
    await ana.keyboard.press('Enter');
    await ana
      .locator('.ballot__meta')
      .getByText(/^Last changed by Ana Morales/)
      .waitFor();

    // The second browser's board follows live: the moved program is second with 2 points.
    const score = luis.locator(`tr[data-program-id="${third}"] td.board-table__number`).first();
    await score.filter({ hasText: /^2$/ }).waitFor();
    expect(await luis.locator('tbody tr').nth(1).getAttribute('data-program-id')).toBe(third);
    // Under the board, the ballots: Ana's delegation's, in her order, with who changed it.
    const anasBallot = luis.locator(
      `.ballots__item[data-organization-id="${lead.organizationId}"]`,
    );
    await anasBallot.getByText(/^Último cambio de Ana Morales/).waitFor();
    expect(
      await anasBallot
        .getByRole('listitem')
        .evaluateAll((lis) => lis.map((li) => li.dataset.programId)),
    ).toEqual(order);
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

  it('lets delegations discuss a candidate program while the results are hidden', async () => {
    const hidden = await openRound({ en: 'Candidates 2028', es: 'Candidatos 2028' }, 'after_close');
    const ana = await open(lead, 'en', Viewports.laptop, hidden);
    const luis = await open(partner, 'es', Viewports.phone, hidden);
    const candidates = ana.getByRole('list', { name: 'Candidate programs' });
    const first = candidates.getByRole('listitem').first();
    await first.waitFor();
    // The candidates, and nothing about the votes: no board, no ballots.
    expect(await ana.getByRole('table').count()).toBe(0);
    expect(await ana.getByRole('heading', { name: 'Ballots' }).count()).toBe(0);
    const programId = (await first.getAttribute('data-program-id'))!;

    // Luis follows the line's discussion; Ana opens it from the candidates list and posts.
    await luis
      .locator(`.candidates__item[data-program-id="${programId}"]`)
      .getByRole('button', { name: /^Comentar/ })
      .click();
    await luis.getByRole('heading', { name: /^Debate sobre/ }).waitFor();
    await first.getByRole('button', { name: /^Discuss/ }).click();
    const heading = ana.getByRole('heading', { name: /^Discussion of/ });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await ana
      .getByRole('textbox', { name: 'Start a thread about this program' })
      .fill('Before we rank it: is its baseline funded?');
    await ana.getByRole('button', { name: 'Start a thread' }).click();
    await luis.getByText('Before we rank it: is its baseline funded?').waitFor();
    expect(await runAxe(ana)).toEqual([]);
    expect(await runAxe(luis)).toEqual([]);
  });

  it("opens an earlier closing's frozen board from the round's history, read-only", async () => {
    const round = await openRound({ en: 'Record 2030', es: 'Registro 2030' }, 'after_close');
    await saveBallot(lead, round.id, [{ programId: round.candidates[0]!, rationale: null }]);
    const post = (path: string, body?: unknown) =>
      fetchAs(server, admin, `/api/rounds/${round.id}/${path}`, {
        method: 'POST',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await post('close')).status).toBe(200);
    expect((await post('reopen', { closesAt: '2099-03-01T15:30:00Z' })).status).toBe(200);

    const ana = await open(lead, 'en', Viewports.laptop, round);
    await ana
      .getByRole('list', { name: /^Closings and reopenings/ })
      .getByRole('link', { name: /^Closed .* by Marta Admin; reopened/ })
      .click();
    await ana
      .getByRole('heading', { level: 1, name: /^Board as closed on .* by Marta Admin$/ })
      .waitFor();
    const line = ana.locator(`tr[data-program-id="${round.candidates[0]}"]`);
    await line.waitFor();
    // Ranked by Ana's delegation, named as at that closing.
    expect(await line.textContent()).toContain(lead.organizationId.slice(0, 6));
    expect(await ana.getByRole('button', { name: /^Discuss/ }).count()).toBe(0);
    expect(await runAxe(ana)).toEqual([]);
  });

  it('looks right at laptop, tablet and phone widths in English and Spanish', async () => {
    // A round with results shown and two ballots (rationales in both languages), and one
    // whose results are hidden, a candidate's discussion open.
    const shown = await openRound({ en: 'Review 2029', es: 'Revisión 2029' }, 'while_open');
    const [p1, p2, p3] = shown.candidates as [string, string, string];
    await saveBallot(lead, shown.id, [
      { programId: p1, rationale: 'A documented baseline and partners ready to start in 2027.' },
      { programId: p2, rationale: null },
      { programId: p3, rationale: 'Complements the first; same municipalities.' },
    ]);
    await saveBallot(partner, shown.id, [
      { programId: p2, rationale: 'Tiene financiamiento comprometido para los dos primeros años.' },
      { programId: p1, rationale: null },
    ]);
    const hidden = await openRound({ en: 'Hidden 2029', es: 'Oculta 2029' }, 'after_close');
    for (const [name, viewport] of Object.entries(Viewports)) {
      for (const [person, locale] of [
        [lead, 'en'],
        [partner, 'es'],
      ] as const) {
        const page = await open(person, locale, viewport, shown);
        await page.getByRole('table').waitFor();
        await page.getByRole('img', { name: /Bar chart|Gráfico de barras/ }).waitFor();
        await page.locator('.ballots__item').nth(1).waitFor();
        expect(await layoutProblems(page), `${locale} ${name}`).toEqual([]);
        expect(await runAxe(page), `${locale} ${name}`).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/round-${locale}-${name}.png`, fullPage: true });
        await page.close();

        const candidates = await open(person, locale, viewport, hidden, `?discuss=${p1}`);
        await candidates.locator('.candidates__item').first().waitFor();
        await candidates.getByRole('heading', { name: /^(Discussion of|Debate sobre)/ }).waitFor();
        await candidates.getByRole('textbox').first().waitFor();
        expect(await layoutProblems(candidates), `hidden ${locale} ${name}`).toEqual([]);
        expect(await runAxe(candidates), `hidden ${locale} ${name}`).toEqual([]);
        await candidates.screenshot({
          path: `${SHOTS}/hidden-${locale}-${name}.png`,
          fullPage: true,
        });
        await candidates.close();
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
