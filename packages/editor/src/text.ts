import type * as Y from 'yjs';
import { inlineText } from './inline.js';
import { fragmentToJson, type PmNode } from './pm-json.js';
import { PLAN_FRAGMENT } from './template.js';

const TEXTBLOCKS = new Set(['paragraph', 'heading']);

function collectLines(node: PmNode, lines: string[]): void {
  if (TEXTBLOCKS.has(node.type)) {
    lines.push(inlineText(node.content));
    return;
  }
  if (node.type === 'tableRow') {
    const cells = (node.content ?? []).map((cell) => {
      const inner: string[] = [];
      for (const child of cell.content ?? []) collectLines(child, inner);
      return inner.join(' ');
    });
    lines.push(cells.join(' | '));
    return;
  }
  for (const child of node.content ?? []) collectLines(child, lines);
}

/**
 * The plain text of a plan as lines: one per paragraph or heading, one per table row (cells
 * joined by ` | `). Marks and structure are dropped; this is what versions are compared on.
 */
export function jsonToTextLines(doc: PmNode): string[] {
  const lines: string[] = [];
  collectLines(doc, lines);
  return lines;
}

/** The plain text of the plan in a Y.Doc, one line per block. */
export function docToText(doc: Y.Doc): string {
  return jsonToTextLines(fragmentToJson(doc.getXmlFragment(PLAN_FRAGMENT))).join('\n');
}
