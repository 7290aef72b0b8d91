import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot } from '../helpers/browser.js';

/** The plan's text without the other people's caret labels (which sit inside it). */
function planText(page: Page): Promise<string> {
  return page.locator('.plan-doc').evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText;
  });
}

/** What each person types in one test: the plan keeps the texts of the tests before it. */
interface Texts {
  /** Ana's phrase, which her one undo must remove whole. */
  ana: string;
  /** Beto's sentence, typed meanwhile, which her undo must leave alone. */
  beto: string;
}

describe('undo and carets while someone else types', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let ana: TestPerson;
  let beto: TestPerson;
  const contexts: BrowserContext[] = [];

  async function open(person: TestPerson, program = programId): Promise<Page> {
    const context = await contextFor(browser, server, person);
    contexts.push(context);
    // Date.now stands still (timers still run): the undo manager groups changes made less than
    // 500 ms apart, and a busy test machine must not turn one phrase into two steps. Only what
    // the editor does can split the phrase then, which is what this test is about.
    await context.clock.setFixedTime(new Date());
    const page = await context.newPage();
    await page.goto(`/programs/${program}`);
    await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 20_000 });
    return page;
  }

  /** Beto writes a sentence at the end of the plan, key after key, without a pause. */
  async function betoTypesContinuously(page: Page, sentence: string): Promise<void> {
    await page.locator('.plan-doc').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(sentence, { delay: 40 });
  }

  /** Ana starts a paragraph under the plan's first heading and types her phrase in it. */
  async function anaTypesHerPhrase(page: Page, phrase: string): Promise<void> {
    await page.locator('.plan-doc h2').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(phrase, { delay: 60 });
  }

  /** Ana types while Beto's keys arrive, then undoes once with `undo`; both plans are checked. */
  async function undoWhileBetoTypes(texts: Texts, undo: (page: Page) => Promise<void>) {
    const anaPage = await open(ana);
    const betoPage = await open(beto);
    const betoTyping = betoTypesContinuously(betoPage, texts.beto);
    // Ana starts once Beto's keys are reaching her, and types while they go on arriving.
    await anaPage.waitForFunction(
      (start) => document.querySelector('.plan-doc')?.textContent?.includes(start),
      texts.beto.slice(0, 12),
    );
    await anaTypesHerPhrase(anaPage, texts.ana);
    expect(await planText(anaPage)).toContain(texts.ana);
    expect(await planText(anaPage)).not.toContain(texts.beto);
    await undo(anaPage);
    await betoTyping;

    // One undo took Ana's whole phrase (with the paragraph she opened for it) …
    const gone = texts.ana.split(' ')[0] ?? texts.ana;
    expect(await planText(anaPage)).not.toContain(gone);
    // … and none of Beto's text, on either screen.
    await anaPage.waitForFunction(
      (all) => document.querySelector('.plan-doc')?.textContent?.includes(all),
      texts.beto,
    );
    await betoPage.waitForFunction(
      (word) => !document.querySelector('.plan-doc')?.textContent?.includes(word),
      gone,
    );
    expect(await planText(betoPage)).toContain(texts.beto);
    return { anaPage, betoPage };
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
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
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it("removes one's whole phrase with one Ctrl+Z, and none of the other person's text", async () => {
    const texts = {
      ana: 'alpha words typed',
      beto: 'Beto writes the budget section without stopping.',
    };
    const { anaPage, betoPage } = await undoWhileBetoTypes(texts, (page) =>
      page.keyboard.press('Control+z'),
    );
    // Nothing of Ana's is left to undo: another Ctrl+Z leaves Beto's text where it is.
    await anaPage.keyboard.press('Control+z');
    expect(await planText(anaPage)).toContain(texts.beto);
    expect(await planText(betoPage)).toContain(texts.beto);
    await anaPage.close();
    await betoPage.close();
  });

  it("does the same with the toolbar's Undo button", async () => {
    const texts = {
      ana: 'bravo words typed',
      beto: 'Beto writes the risks section without stopping.',
    };
    const undoButton = (page: Page) =>
      page.getByRole('toolbar').getByRole('button', { name: 'Undo my last change' });
    const { anaPage, betoPage } = await undoWhileBetoTypes(texts, (page) =>
      undoButton(page).click(),
    );
    // Nothing of Ana's is left to undo, and the button says so.
    expect(await undoButton(anaPage).isDisabled()).toBe(true);
    expect(await runAxe(anaPage)).toEqual([]);
    await screenshot(anaPage, 'plan-undo-toolbar-en-laptop');
    await anaPage.close();
    await betoPage.close();
  });

  it('keeps a caret in an empty paragraph while someone fills an earlier empty one', async () => {
    // A plan nobody has typed in yet: the template's headings over empty paragraphs.
    const fresh = await server.app.ctx.db
      .selectFrom('programs')
      .select('id')
      .where('id', '!=', programId)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const carla = await createPersonOn(server, {
      role: 'member',
      relation: 'lead',
      programId: fresh.id,
      name: 'Carla Díaz',
    });
    const dario = await createPersonOn(server, {
      role: 'member',
      relation: 'partner',
      programId: fresh.id,
      name: 'Darío Luna',
    });
    const carlaPage = await open(carla, fresh.id);
    const darioPage = await open(dario, fresh.id);
    const under = (page: Page, heading: number) =>
      page.locator(`.plan-doc h2:nth-of-type(${heading}) + p`);

    // Darío clicks into the empty paragraph under the third heading and reads a moment …
    await darioPage.locator('.plan-doc h2').nth(2).click();
    await darioPage.keyboard.press('End');
    await darioPage.keyboard.press('ArrowDown');
    // … while Carla fills the empty paragraph under the first.
    await carlaPage.locator('.plan-doc h2').first().click();
    await carlaPage.keyboard.press('End');
    await carlaPage.keyboard.press('ArrowDown');
    await carlaPage.keyboard.type('Carla fills the objectives.', { delay: 30 });
    await under(darioPage, 1).getByText('Carla fills the objectives.').waitFor();

    // Darío's words land where his caret was, not in the next empty paragraph.
    await darioPage.keyboard.type('Darío plans the activities.');
    await under(carlaPage, 3).getByText('Darío plans the activities.').waitFor();
    expect(await under(darioPage, 3).innerText()).toContain('Darío plans the activities.');
    expect((await under(darioPage, 4).innerText()).trim()).toBe('');
    await carlaPage.close();
    await darioPage.close();
  });
});
