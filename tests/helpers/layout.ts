import type { Page } from 'playwright-core';

/**
 * What makes a page awkward on a small screen, in words a failure message can show: the page
 * scrolling sideways, and boxes that cut their text off (overflow hidden or clipped, content
 * larger than the box). Ignored: scrollable boxes (a wide table in its own scrolling region is
 * allowed), visually hidden text (1 px boxes made to be read by screen readers only), form
 * controls, and the breadcrumb's current page, which ends in an ellipsis on purpose: the page's
 * heading right under it shows the whole title.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} px`);
    }
    const clips = (value: string) => value === 'hidden' || value === 'clip';
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 60)}"`;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (el.matches('input, select, textarea, option, svg, svg *')) continue;
      if (el.closest('.breadcrumb [aria-current="page"]')) continue;
      if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const cutX = clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const cutY = clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if (cutX || cutY) {
        const size = `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`;
        problems.push(`${describe(el)} cuts off its content (${size})`);
      }
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${describe(el)} ends in an ellipsis`);
      }
    }
    return problems;
  });
}
