import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { join } from 'node:path';
import {
  contextFor,
  launchBrowser,
  runAxe,
  screenshot,
  SCREENSHOT_DIR,
  Viewports,
} from '../helpers/browser.js';

const Texts = {
  en: { bold: 'Bold', boldKeys: 'Ctrl+B', list: 'Bulleted list', listKeys: 'Ctrl+Shift+8' },
  es: { bold: 'Negrita', boldKeys: 'Ctrl+B', list: 'Lista con viñetas', listKeys: 'Ctrl+Mayús+8' },
} as const;

/** A picture of the toolbar and the space under it, where its tooltips open. */
async function toolbarCloseup(page: Page, name: string): Promise<void> {
  const box = await page.locator('.plan-toolbar-wrap').boundingBox();
  if (!box) throw new Error('no toolbar on the page');
  const clip = {
    x: 0,
    y: Math.max(0, box.y - 8),
    width: page.viewportSize()?.width ?? box.width,
    height: box.height + 64,
  };
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), clip });
}

/** The tooltip beside a toolbar button. */
function tooltipOf(button: Locator): Locator {
  return button.locator('xpath=following-sibling::*[@role="tooltip"]');
}

/** The focused element's accessible name and description, as Chromium computes them. */
async function focusedButton(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      role?: { value: string };
      name?: { value: string };
      description?: { value: string };
      properties?: { name: string; value: { value: unknown } }[];
    }[];
  };
  await cdp.detach();
  const focused = nodes.find(
    (n) =>
      n.role?.value === 'button' &&
      n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
  );
  return {
    role: focused?.role?.value,
    name: focused?.name?.value ?? '',
    description: focused?.description?.value ?? '',
  };
}

describe('the plan toolbar in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let ana: TestPerson;
  const contexts: BrowserContext[] = [];

  async function open(locale: 'en' | 'es', viewport: { width: number; height: number }) {
    const context = await contextFor(browser, server, ana, { locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/programs/${programId}`);
    await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 20_000 });
    return page;
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
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('shows each button’s name and shortcut on keyboard focus, the same name assistive technology reads', async () => {
    const page = await open('en', Viewports.laptop);
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const buttons = toolbar.getByRole('button');
    // Tab from the first button through every one the keyboard reaches (Undo and Redo are
    // disabled until there is something to undo).
    await buttons.first().focus();
    const enabled = await toolbar.locator('button:not([disabled])').count();
    expect(enabled).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < enabled; i += 1) {
      if (i > 0) await page.keyboard.press('Tab');
      const button = toolbar.locator('button:focus');
      const tooltip = tooltipOf(button);
      expect(await tooltip.isVisible()).toBe(true);
      const shown = await tooltip.locator('span').first().innerText();
      const read = await focusedButton(page);
      expect(read.role).toBe('button');
      expect(read.name).toBe(shown);
      const keys = tooltip.locator('kbd');
      if ((await keys.count()) > 0) expect(read.description).toBe(await keys.innerText());
      // Only the focused button's tooltip is shown.
      expect(await toolbar.locator('[role="tooltip"]:visible').count()).toBe(1);
    }

    // Escape hides the tooltip and leaves focus where it was (WCAG 1.4.13).
    const focused = toolbar.locator('button:focus');
    await page.keyboard.press('Escape');
    expect(await tooltipOf(focused).isVisible()).toBe(false);
    expect(await focused.count()).toBe(1);

    // A mouse pointer shows it too, and it stays while the pointer moves onto it.
    const bold = toolbar.getByRole('button', { name: 'Bold' });
    await bold.hover();
    expect(await tooltipOf(bold).innerText()).toMatch(/^Bold\s*Ctrl\+B$/);
    await tooltipOf(bold).hover();
    expect(await tooltipOf(bold).isVisible()).toBe(true);
  });

  for (const locale of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(Viewports)) {
      it(`shows a tooltip inside the window, the toolbar inside its box (${locale}, ${size})`, async () => {
        const page = await open(locale, viewport);
        const texts = Texts[locale];
        const toolbar = page.getByRole('toolbar');
        // The toolbar wraps inside its own box: no button reaches past it or past the window.
        const box = await toolbar.boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(await toolbar.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);

        const bold = toolbar.getByRole('button', { name: texts.bold, exact: true });
        await bold.focus();
        expect(await tooltipOf(bold).innerText()).toMatch(
          new RegExp(`^${texts.bold}\\s*${texts.boldKeys.replace('+', '\\+')}$`),
        );
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        const list = toolbar.getByRole('button', { name: texts.list, exact: true });
        expect(await list.evaluate((node) => node === document.activeElement)).toBe(true);
        const tooltip = tooltipOf(list);
        expect(await tooltip.innerText()).toContain(texts.listKeys);

        // Every tooltip stays inside the window, wherever its button is.
        for (const button of await toolbar.getByRole('button').all()) {
          if (await button.isDisabled()) continue;
          await button.focus();
          const tip = await tooltipOf(button).boundingBox();
          expect(tip).not.toBeNull();
          expect(tip!.x).toBeGreaterThanOrEqual(0);
          expect(tip!.x + tip!.width).toBeLessThanOrEqual(viewport.width);
        }

        await list.focus();
        expect(await runAxe(page)).toEqual([]);
        await screenshot(page, `plan-toolbar-tooltip-${locale}-${size}`);
        await toolbarCloseup(page, `plan-toolbar-tooltip-${locale}-${size}-closeup`);
        await page.context().close();
      });
    }
  }
});
