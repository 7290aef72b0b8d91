import { isAllowedLinkUrl } from './extensions.js';
import type { PmMark, PmNode } from './pm-json.js';

// Marks open outermost-first in this order, so `[**a**](x)` nests the same way every time.
const MARK_ORDER = ['link', 'bold', 'italic', 'strike'] as const;
type MarkName = (typeof MARK_ORDER)[number];

const DELIMITERS: Record<Exclude<MarkName, 'link'>, string> = {
  bold: '**',
  italic: '*',
  strike: '~~',
};

/** Escapes characters that Markdown would read as syntax inside running text. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

function linkHref(mark: PmMark): string | null {
  const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
  if (!isAllowedLinkUrl(href)) return null;
  return href.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
}

/** Marks of a text node that Markdown can express, outermost first, with keys for equality. */
function marksOf(node: PmNode): { key: string; mark: PmMark }[] {
  const present = node.marks ?? [];
  const result: { key: string; mark: PmMark }[] = [];
  for (const name of MARK_ORDER) {
    const mark = present.find((m) => m.type === name);
    if (!mark) continue;
    if (name === 'link' && linkHref(mark) === null) continue;
    result.push({ key: name === 'link' ? `link:${linkHref(mark)}` : name, mark });
  }
  return result;
}

function openMark(mark: PmMark): string {
  return mark.type === 'link' ? '[' : DELIMITERS[mark.type as Exclude<MarkName, 'link'>];
}

function closeMark(mark: PmMark): string {
  if (mark.type === 'link') return `](${linkHref(mark)})`;
  return DELIMITERS[mark.type as Exclude<MarkName, 'link'>];
}

/**
 * Renders inline content (text with marks, hard breaks) as Markdown, opening and closing marks
 * only where they change so adjacent runs of one mark stay one span.
 */
export function renderInline(nodes: readonly PmNode[] | undefined, hardBreak = '\\\n'): string {
  let out = '';
  let open: { key: string; mark: PmMark }[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) out += closeMark(open.pop()!.mark);
  };
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      closeTo(0);
      out += hardBreak;
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const marks = marksOf(node);
    let same = 0;
    while (same < open.length && same < marks.length && open[same]!.key === marks[same]!.key)
      same++;
    closeTo(same);
    let text = escapeMarkdownText(node.text);
    // Emphasis cannot start with a space: put leading spaces before the opening delimiters.
    const lead = /^\s+/.exec(text)?.[0] ?? '';
    if (marks.length > same && lead) {
      out += lead;
      text = text.slice(lead.length);
    }
    for (const m of marks.slice(same)) out += openMark(m.mark);
    open = marks;
    out += text;
  }
  closeTo(0);
  return out;
}

/** The plain text of inline content (hard breaks become spaces). */
export function inlineText(nodes: readonly PmNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === 'hardBreak' ? ' ' : (n.text ?? ''))).join('');
}
