import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';
import { planStatus, selectedText, tabTo, typeAtEnd } from '../helpers/plan-page.js';

const status = planStatus;

/** Types a new line at the end of the plan and selects it with the keyboard. */
async function typeAndSelectLine(page: Page, text: string): Promise<void> {
  await typeAtEnd(page, text);
  await page.keyboard.press('Shift+Home');
}

/** Pastes text into the focused element as the browser does (a paste event with the data). */
async function pasteInto(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const paste = new ClipboardEvent('paste', {
      clipboardData: transfer,
      bubbles: true,
      cancelable: true,
    });
    document.activeElement?.dispatchEvent(paste);
  }, text);
}

/** Drops text in the middle of the focused element, as a drag from another window does. */
async function dropInto(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const target = document.activeElement;
    const box = target?.querySelector('h2')?.getBoundingClientRect();
    if (!target || !box) throw new Error('nothing focused to drop into');
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const at = { clientX: box.left + 5, clientY: box.top + box.height / 2 };
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true, ...at };
      target.dispatchEvent(new DragEvent(type, init));
    }
  }, text);
}

/**
 * Tries every way of writing into the focused text: keys, Enter, Backspace and Delete, cut,
 * paste, drop, an IME composition and a committed insertion.
 */
async function tryToWrite(page: Page): Promise<void> {
  await dropInto(page, 'soltado');
  await page.keyboard.type('zz');
  for (const key of ['Enter', 'Backspace', 'Delete', 'Control+X', 'Control+B']) {
    await page.keyboard.press(key);
  }
  await pasteInto(page, 'pegado');
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Input.imeSetComposition', {
    text: 'ñu',
    selectionStart: 2,
    selectionEnd: 2,
  });
  await devtools.send('Input.insertText', { text: 'ñu' });
  await devtools.detach();
  await page.keyboard.insertText('insertado');
}

/** Where the caret is against the plan's second heading. */
function caretAgainstSecondHeading(page: Page): Promise<'in' | 'above' | 'below'> {
  return page.evaluate(() => {
    const heading = document.querySelectorAll('.plan-doc h2')[1];
    const caret = window.getSelection()?.focusNode;
    if (!heading || !caret) throw new Error('no second heading or no caret');
    if (heading.contains(caret)) return 'in';
    const before = heading.compareDocumentPosition(caret) & Node.DOCUMENT_POSITION_PRECEDING;
    return before ? 'above' : 'below';
  });
}

/** With arrows, moves the caret to the start of the plan's second heading and selects `length` characters. */
async function selectInSecondHeading(page: Page, length: number): Promise<void> {
  for (let presses = 0; ; presses += 1) {
    const where = await caretAgainstSecondHeading(page);
    if (where === 'in') break;
    if (presses === 10) throw new Error('the arrows never reached the second heading');
    await page.keyboard.press(where === 'above' ? 'ArrowDown' : 'ArrowUp');
  }
  await page.keyboard.press('Home');
  for (let n = 0; n < length; n += 1) await page.keyboard.press('Shift+ArrowRight');
}

/** The plan's text as the page shows it. */
function planText(page: Page): Promise<string> {
  return page.locator('.plan-doc').innerText();
}

describe('comment threads in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let ana: TestPerson;
  let beto: TestPerson;
  let olga: TestPerson;
  let vera: TestPerson;
  const contexts: BrowserContext[] = [];

  async function open(
    person: TestPerson,
    options: Parameters<typeof contextFor>[3] = {},
    search = '',
  ): Promise<Page> {
    const context = await contextFor(browser, server, person, options);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await page.goto(`/programs/${programId}${search}`);
    return page;
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    const on = { programId };
    ana = await createPersonOn(server, {
      ...on,
      role: 'member',
      relation: 'lead',
      name: 'Ana Pérez',
    });
    beto = await createPersonOn(server, {
      ...on,
      role: 'member',
      relation: 'partner',
      name: 'Beto Ruiz',
    });
    olga = await createPersonOn(server, {
      ...on,
      role: 'member',
      relation: 'observer',
      name: 'Olga Díaz',
    });
    vera = await createPersonOn(server, {
      ...on,
      role: 'viewer',
      relation: 'partner',
      name: 'Vera Solís',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('comments on a selected passage, shows it live to another editor, replies and resolves it', async () => {
    const anaPage = await open(ana);
    const betoPage = await open(beto);
    await status(anaPage, 'saved').waitFor({ timeout: 20_000 });
    await status(betoPage, 'saved').waitFor({ timeout: 20_000 });

    // Ana selects her new line and comments on it by keyboard, mentioning Beto.
    await typeAndSelectLine(anaPage, 'The indicator has no baseline yet.');
    await anaPage.keyboard.press('Control+Alt+M');
    const anaPanel = anaPage.locator('.plan-comments');
    await anaPanel
      .locator('.thread-quote', { hasText: 'The indicator has no baseline yet.' })
      .waitFor();
    const field = anaPanel.getByLabel('Your comment on this passage');
    await field.pressSequentially('Please add one, @Be');
    await anaPanel.getByRole('option', { name: /Beto Ruiz/ }).waitFor();
    await field.press('Enter');
    await field.pressSequentially('thanks. <b>not bold</b> javascript:alert(1)');
    await field.press('Control+Enter');
    const thread = anaPanel.locator('article.thread');
    await thread.locator('.mention-chip', { hasText: '@Beto Ruiz' }).waitFor();
    // Plain text: the HTML shows as typed, and javascript: is no link.
    expect(await thread.locator('.comment__text').innerText()).toBe(
      'Please add one, @Beto Ruiz thanks. <b>not bold</b> javascript:alert(1)',
    );
    expect(await thread.locator('.comment__text a').count()).toBe(0);

    // Beto's editor highlights the passage live; clicking it opens the thread; he replies.
    const highlight = betoPage.locator('.plan-doc .thread-highlight', {
      hasText: 'The indicator has no baseline yet.',
    });
    await highlight.waitFor({ timeout: 10_000 });
    await betoPage.getByRole('button', { name: 'Comments (1 open)' }).waitFor();
    await betoPage.setViewportSize(Viewports.tablet);
    await screenshot(betoPage, 'comments-highlight-en-tablet');
    await betoPage.setViewportSize(Viewports.laptop);
    await highlight.click();
    const betoPanel = betoPage.locator('.plan-comments');
    await betoPanel.getByLabel('Your reply').fill('Added in the next draft.');
    await betoPanel.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByText('Added in the next draft.').waitFor({ timeout: 10_000 });
    expect(await runAxe(betoPage)).toEqual([]);
    await screenshot(betoPage, 'comments-thread-en-laptop');

    // Ana resolves it: it leaves the Open filter and Beto's highlight goes.
    await thread.getByRole('button', { name: 'Resolve' }).click();
    await thread.getByText(/Resolved by Ana Pérez on/).waitFor();
    await anaPanel.getByRole('button', { name: 'All comments' }).click();
    await anaPanel.getByText('No open comments.').waitFor();
    await anaPanel.getByRole('button', { name: 'Resolved (1)' }).click();
    await anaPanel
      .locator('.thread-item', { hasText: 'The indicator has no baseline yet.' })
      .waitFor();
    await betoPanel.getByRole('button', { name: 'All comments' }).click();
    await betoPanel.getByText('No open comments.').waitFor();
    await highlight.waitFor({ state: 'detached', timeout: 10_000 });
    // Escape closes the panel and gives the plan back its focus.
    await anaPage.keyboard.press('Escape');
    await anaPanel.waitFor({ state: 'detached' });
    expect(
      await anaPage.evaluate(() => document.activeElement?.classList.contains('plan-doc')),
    ).toBe(true);
    expect(await runAxe(anaPage)).toEqual([]);
    for (const page of [anaPage, betoPage]) await page.context().close();
  });

  it('lets an observer select a passage of the read-only plan by keyboard alone and comment on it, in Spanish on a tablet, and shows the program discussion', async () => {
    const olgaPage = await open(olga, { locale: 'es', viewport: Viewports.tablet });
    await status(olgaPage, 'read-only').waitFor({ timeout: 20_000 });
    const plan = olgaPage.locator('.plan-doc');
    // A read-only text box: screen readers say so, and the keyboard reaches it.
    expect(await plan.getAttribute('role')).toBe('textbox');
    expect(await plan.getAttribute('aria-readonly')).toBe('true');
    const text = await planText(olgaPage);

    // Keyboard only: Tab to the plan, which shows its focus ring.
    await tabTo(olgaPage, '.plan-doc');
    expect(await plan.evaluate((node) => getComputedStyle(node).outlineStyle)).toBe('solid');
    // Nothing she types, deletes, cuts, pastes or composes changes the plan, here or on the server.
    await tryToWrite(olgaPage);
    expect(await planText(olgaPage)).toBe(text);
    await status(olgaPage, 'read-only').waitFor();

    // Arrows move the caret to the second heading; Shift+arrows select its first word.
    const heading = (await plan.locator('h2').nth(1).innerText()).trim();
    const word = heading.split(' ')[0] ?? '';
    await selectInSecondHeading(olgaPage, word.length);
    expect(await selectedText(olgaPage)).toBe(word);
    // Writing over a selection changes nothing either.
    await tryToWrite(olgaPage);
    expect(await planText(olgaPage)).toBe(text);
    await selectInSecondHeading(olgaPage, word.length);
    expect(await selectedText(olgaPage)).toBe(word);

    // The shortcut opens the comment on it; she writes and posts it from the keyboard.
    await olgaPage.keyboard.press('Control+Alt+M');
    const panel = olgaPage.locator('.plan-comments');
    const field = panel.getByLabel('Su comentario sobre este pasaje');
    await expect.poll(() => field.evaluate((node) => node === document.activeElement)).toBe(true);
    await olgaPage.keyboard.type('¿Quién mide esto?');
    await olgaPage.keyboard.press('Control+Enter');
    await panel.locator('article.thread', { hasText: '¿Quién mide esto?' }).waitFor();
    await olgaPage.locator('.plan-doc .thread-highlight--active', { hasText: word }).waitFor();
    expect(await olgaPage.locator('.plan-doc .thread-highlight--active').innerText()).toBe(word);
    expect(await planText(olgaPage)).toBe(text);
    await status(olgaPage, 'read-only').waitFor();
    // The address names the open thread: a notification's link opens the same view.
    const threadId = new URL(olgaPage.url()).searchParams.get('thread');
    expect(threadId).toBeTruthy();
    expect(await runAxe(olgaPage)).toEqual([]);
    await screenshot(olgaPage, 'comments-observer-es-tablet');
    await olgaPage.setViewportSize(Viewports.phone);
    await screenshot(olgaPage, 'comments-observer-es-phone');

    // The program page: the plan's open count and the discussion; she opens a thread there.
    await olgaPage.keyboard.press('Escape');
    await olgaPage.setViewportSize(Viewports.laptop);
    const discussion = olgaPage.locator('section.program-discussion');
    await discussion.getByRole('link', { name: '1 comentario abierto en el plan' }).waitFor();
    await discussion
      .getByLabel('Inicie una conversación sobre este programa')
      .fill('Propongo revisar las metas.');
    await discussion.getByRole('button', { name: 'Iniciar una conversación' }).click();
    await discussion.locator('.thread-item', { hasText: 'Propongo revisar las metas.' }).waitFor();
    await screenshot(olgaPage, 'comments-discussion-es-laptop');

    // A viewer reads the discussion live, with the reason she cannot write, and no Comment button.
    const veraPage = await open(vera, { viewport: Viewports.tablet }, `?thread=${threadId}`);
    await status(veraPage, 'read-only').waitFor({ timeout: 20_000 });
    expect(
      await veraPage.getByRole('button', { name: 'Comment on the selected text' }).count(),
    ).toBe(0);
    // She selects by keyboard too (to copy), but the shortcut starts no comment.
    await tabTo(veraPage, '.plan-doc');
    const veraWord = (await veraPage.locator('.plan-doc h2').nth(1).innerText()).split(' ')[0];
    await selectInSecondHeading(veraPage, veraWord?.length ?? 0);
    expect(await selectedText(veraPage)).toBe(veraWord);
    await veraPage.keyboard.press('Control+Alt+M');
    const veraDiscussion = veraPage.locator('section.program-discussion');
    await veraDiscussion
      .locator('.thread-item', { hasText: 'Propongo revisar las metas.' })
      .waitFor();
    await veraDiscussion.getByText(/but not write\. Your account has a read-only role/).waitFor();
    await veraPage
      .locator('.plan-comments article.thread', { hasText: '¿Quién mide esto?' })
      .waitFor();
    await veraPage.locator('.plan-doc .thread-highlight--active').waitFor();
    expect(await veraPage.locator('.plan-comments').getByLabel('Your reply').count()).toBe(0);
    expect(await veraPage.getByLabel('Your comment on this passage').count()).toBe(0);
    expect(await runAxe(veraPage)).toEqual([]);
    await screenshot(veraPage, 'comments-viewer-en-tablet');
    await veraPage.setViewportSize(Viewports.phone);
    await screenshot(veraPage, 'comments-viewer-en-phone');
    for (const page of [olgaPage, veraPage]) await page.context().close();
  });
});
