import { diffSequence, type DiffStep } from './diff.js';
import type { PmNode } from './pm-json.js';
import { jsonToBlocks, type PlanBlock, type PlanTableRow } from './text.js';

/** How a row or cell of a compared table changed. */
export type ChangeOp = 'equal' | 'added' | 'removed' | 'changed';

/** One cell of a compared table. */
export interface TableDiffCell {
  /** `changed`: the text differs; `added`/`removed`: the cell exists on one side only. */
  op: ChangeOp;
  /** The cell's text now (for a removed cell: its text in the version). */
  text: string;
  /** For a changed cell, its text in the version. */
  before?: string;
  /** A header cell. */
  header: boolean;
}

/** One row of a compared table. */
export interface TableDiffRow {
  /** `changed`: some cells differ; `added`/`removed`: the row exists on one side only. */
  op: ChangeOp;
  /** Its cells. */
  cells: TableDiffCell[];
}

/** One block of a plan comparison: a line of text, or a whole table with its changes marked. */
export type PlanDiffBlock =
  | { kind: 'text'; op: 'equal' | 'added' | 'removed'; text: string }
  | { kind: 'table'; op: ChangeOp; rows: TableDiffRow[] };

type Table = Extract<PlanBlock, { kind: 'table' }>;

const rowKey = (row: PlanTableRow) => JSON.stringify([row.header, row.cells]);
const blockKey = (block: PlanBlock) =>
  block.kind === 'text' ? `t${block.text}` : `T${JSON.stringify(block.rows.map(rowKey))}`;

function wholeRow(row: PlanTableRow, op: ChangeOp): TableDiffRow {
  return { op, cells: row.cells.map((text) => ({ op, text, header: row.header })) };
}

function changedRow(before: PlanTableRow, after: PlanTableRow): TableDiffRow {
  const width = Math.max(before.cells.length, after.cells.length);
  const cells = Array.from({ length: width }, (_, i): TableDiffCell => {
    const old = before.cells[i];
    const now = after.cells[i];
    if (now === undefined) return { op: 'removed', text: old ?? '', header: before.header };
    if (old === undefined) return { op: 'added', text: now, header: after.header };
    if (old === now) return { op: 'equal', text: now, header: after.header };
    return { op: 'changed', text: now, before: old, header: after.header };
  });
  return { op: 'changed', cells };
}

/**
 * Pairs what a run of changes removed with what it added, in order: the first removed item
 * with the first added one, and so on. Paired items are shown as changed, the rest as they are.
 */
function pairRun<T, R>(
  run: DiffStep<T>[],
  pair: (before: T, after: T) => R,
  single: (step: DiffStep<T>) => R,
  pairable: (item: T) => boolean = () => true,
): R[] {
  const removed = run.filter((s) => s.op === 'removed' && pairable(s.before));
  const added = run.filter((s) => s.op === 'added' && pairable(s.after));
  const partner = new Map<DiffStep<T>, DiffStep<T> | null>();
  removed.forEach((step, i) => {
    const other = added[i];
    if (!other) return;
    partner.set(step, other);
    partner.set(other, null);
  });
  const out: R[] = [];
  for (const step of run) {
    const other = partner.get(step);
    if (other === null) continue;
    if (other && step.op === 'removed' && other.op === 'added')
      out.push(pair(step.before, other.after));
    else out.push(single(step));
  }
  return out;
}

/** Splits steps into runs: each equal step alone, consecutive changes together. */
function runsOf<T>(steps: DiffStep<T>[]): DiffStep<T>[][] {
  const runs: DiffStep<T>[][] = [];
  for (const step of steps) {
    const last = runs.at(-1);
    if (step.op !== 'equal' && last && last[0]!.op !== 'equal') last.push(step);
    else runs.push([step]);
  }
  return runs;
}

function diffTable(before: Table, after: Table): PlanDiffBlock {
  const runs = runsOf(diffSequence(before.rows, after.rows, rowKey));
  const rows = runs.flatMap((run) =>
    pairRun(run, changedRow, (step) => {
      if (step.op === 'added') return wholeRow(step.after, 'added');
      if (step.op === 'removed') return wholeRow(step.before, 'removed');
      return wholeRow(step.after, 'equal');
    }),
  );
  return { kind: 'table', op: rows.some((r) => r.op !== 'equal') ? 'changed' : 'equal', rows };
}

function singleBlock(step: DiffStep<PlanBlock>): PlanDiffBlock {
  const block = step.op === 'added' ? step.after : step.before;
  if (block.kind === 'text') return { kind: 'text', op: step.op, text: block.text };
  const op = step.op;
  return { kind: 'table', op, rows: block.rows.map((row) => wholeRow(row, op)) };
}

/**
 * Compares two plans block by block: text line by line, and tables as tables — a table
 * changed between the two is paired with its new self and compared row by row and cell by
 * cell, so a comparison can show it as a table with the changed rows and cells marked.
 */
export function diffPlans(before: PmNode, after: PmNode): PlanDiffBlock[] {
  const steps = diffSequence(jsonToBlocks(before), jsonToBlocks(after), blockKey);
  const isTable = (block: PlanBlock) => block.kind === 'table';
  return runsOf(steps).flatMap((run) =>
    pairRun(run, (a, b) => diffTable(a as Table, b as Table), singleBlock, isTable),
  );
}
