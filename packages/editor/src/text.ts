import type * as Y from 'yjs';
import { inlineText } from './inline.js';
import { fragmentToJson, type PmNode } from './pm-json.js';
import { PLAN_FRAGMENT } from './template.js';

const TEXTBLOCKS = new Set(['paragraph', 'heading']);

/** A block of a plan as versions are compared: a line of text, or a table of cell texts. */
export type PlanBlock = { kind: 'text'; text: string } | { kind: 'table'; rows: PlanTableRow[] };

/** One row of a table: its cells' plain text, and whether they are header cells. */
export interface PlanTableRow {
  /** Each cell's text (its paragraphs joined by spaces). */
  cells: string[];
  /** Every cell of the row is a header cell. */
  header: boolean;
}

function textOf(blocks: readonly PlanBlock[]): string {
  return blocks.map((b) => (b.kind === 'text' ? b.text : '')).join(' ');
}

function tableRow(row: PmNode): PlanTableRow {
  const cells = row.content ?? [];
  const header = cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader');
  return { cells: cells.map((cell) => textOf(jsonToBlocks(cell))), header };
}

function collectBlocks(node: PmNode, blocks: PlanBlock[]): void {
  if (TEXTBLOCKS.has(node.type)) {
    blocks.push({ kind: 'text', text: inlineText(node.content) });
    return;
  }
  if (node.type === 'table') {
    blocks.push({ kind: 'table', rows: (node.content ?? []).map(tableRow) });
    return;
  }
  for (const child of node.content ?? []) collectBlocks(child, blocks);
}

/**
 * The plan as the blocks a comparison shows: one text line per paragraph or heading (lists
 * and quotes flattened), and each table whole, so it can be shown as a table.
 */
export function jsonToBlocks(doc: PmNode): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  collectBlocks(doc, blocks);
  return blocks;
}

/**
 * The plain text of a plan as lines: one per paragraph or heading, one per table row (cells
 * joined by ` | `). Marks and structure are dropped.
 */
export function jsonToTextLines(doc: PmNode): string[] {
  return jsonToBlocks(doc).flatMap((block) =>
    block.kind === 'text' ? [block.text] : block.rows.map((row) => row.cells.join(' | ')),
  );
}

/** The plain text of the plan in a Y.Doc, one line per block. */
export function docToText(doc: Y.Doc): string {
  return jsonToTextLines(fragmentToJson(doc.getXmlFragment(PLAN_FRAGMENT))).join('\n');
}
