import { describe, expect, it } from 'vitest';
import type { PmNode } from './pm-json.js';
import { diffPlans } from './plan-diff.js';
import { jsonToTextLines } from './text.js';

const text = (value: string): PmNode => ({ type: 'text', text: value });
const p = (value: string): PmNode => ({ type: 'paragraph', content: [text(value)] });
const cell = (value: string, type = 'tableCell'): PmNode => ({ type, content: [p(value)] });
const row = (...cells: PmNode[]): PmNode => ({ type: 'tableRow', content: cells });
const table = (...rows: PmNode[]): PmNode => ({ type: 'table', content: rows });
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });
const header = (...values: string[]) => row(...values.map((v) => cell(v, 'tableHeader')));
const body = (...values: string[]) => row(...values.map((v) => cell(v)));

describe('plan comparison', () => {
  it('keeps text as lines: removed, added and kept', () => {
    expect(diffPlans(doc(p('a'), p('b')), doc(p('a'), p('c')))).toEqual([
      { kind: 'text', op: 'equal', text: 'a' },
      { kind: 'text', op: 'removed', text: 'b' },
      { kind: 'text', op: 'added', text: 'c' },
    ]);
  });

  it('shows a changed table as one table with the changed cell, the added row and the removed row marked', () => {
    const before = table(header('Activity', 'Budget'), body('Training', '100'), body('Vans', '50'));
    const after = table(
      header('Activity', 'Budget'),
      body('Training', '120'),
      body('Vans', '50'),
      body('Radios', '30'),
    );
    const [block, ...rest] = diffPlans(doc(p('Intro'), before), doc(p('Intro'), after)).slice(1);
    expect(rest).toEqual([]);
    expect(block).toEqual({
      kind: 'table',
      op: 'changed',
      rows: [
        {
          op: 'equal',
          cells: [
            { op: 'equal', text: 'Activity', header: true },
            { op: 'equal', text: 'Budget', header: true },
          ],
        },
        {
          op: 'changed',
          cells: [
            { op: 'equal', text: 'Training', header: false },
            { op: 'changed', text: '120', before: '100', header: false },
          ],
        },
        {
          op: 'equal',
          cells: [
            { op: 'equal', text: 'Vans', header: false },
            { op: 'equal', text: '50', header: false },
          ],
        },
        {
          op: 'added',
          cells: [
            { op: 'added', text: 'Radios', header: false },
            { op: 'added', text: '30', header: false },
          ],
        },
      ],
    });
  });

  it('marks a removed row and an added column cell by cell', () => {
    const before = table(body('a', 'b'), body('gone', 'row'));
    const after = table(body('a', 'b', 'c'));
    const [block] = diffPlans(doc(before), doc(after));
    expect(block).toMatchObject({ kind: 'table', op: 'changed' });
    const rows = block?.kind === 'table' ? block.rows : [];
    expect(rows.map((r) => r.op)).toEqual(['changed', 'removed']);
    expect(rows[0]?.cells.map((c) => c.op)).toEqual(['equal', 'equal', 'added']);
  });

  it('shows a table that appeared or disappeared whole, and an unchanged one as equal', () => {
    const kept = table(body('same'));
    const added = diffPlans(doc(kept), doc(kept, table(body('new'))));
    expect(added.map((b) => `${b.kind}:${b.op}`)).toEqual(['table:equal', 'table:added']);
    const removed = diffPlans(doc(p('x'), table(body('old'))), doc(p('x')));
    expect(removed.at(-1)).toEqual({
      kind: 'table',
      op: 'removed',
      rows: [{ op: 'removed', cells: [{ op: 'removed', text: 'old', header: false }] }],
    });
  });

  it('still gives the plain text one line per table row, cells joined by pipes', () => {
    const lists: PmNode = {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [p('item')] }],
    };
    expect(jsonToTextLines(doc(p('a'), lists, table(header('x', 'y'), body('1', '2'))))).toEqual([
      'a',
      'item',
      'x | y',
      '1 | 2',
    ]);
  });
});
