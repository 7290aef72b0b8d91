import type { Locator, Page } from 'playwright-core';

/** The plan's save status when it is in the given state (`saved`, `read-only`, `offline`…). */
export function planStatus(page: Page, kind: string): Locator {
  return page.locator(`.save-status[data-status="${kind}"]`);
}

/** Types a new line at the end of the plan, as a person does with the keyboard. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.plan-doc').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Presses Tab from where the focus is until the element matching `selector` has it. */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(
      (wanted) => document.activeElement?.matches(wanted) ?? false,
      selector,
    );
    if (reached) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`);
}

/** The text the page's selection holds (what Shift+arrows selected). */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}
