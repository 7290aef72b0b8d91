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
