import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { PlanDiffBlock } from '@mesa/shared';
import { renderRoute } from '../../test/renderWithProviders';
import { DiffView } from './DiffView';

afterEach(cleanup);

const blocks: PlanDiffBlock[] = [
  { kind: 'text', op: 'equal', text: 'Budget and funding' },
  {
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
        op: 'added',
        cells: [
          { op: 'added', text: 'Radios', header: false },
          { op: 'added', text: '30', header: false },
        ],
      },
    ],
  },
];

describe('DiffView', () => {
  it('shows a changed table as a table, its rows and cells marked in words as well as colour', () => {
    renderRoute(<DiffView blocks={blocks} />);
    const table = screen.getByRole('table', { name: 'Table changed' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Activity', 'Budget']);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    // The changed cell: the old value struck (del) and the new one inserted (ins), both named.
    expect(rows[1]!.textContent).toContain('Row changed');
    expect(rows[1]!.querySelector('del')?.textContent).toBe('Before: 100');
    expect(rows[1]!.querySelector('ins')?.textContent).toBe('Now: 120');
    expect(rows[2]!.textContent).toContain('Row added');
    expect([...rows[2]!.querySelectorAll('ins')].map((i) => i.textContent)).toEqual([
      'Radios',
      '30',
    ]);
    // No pipes: the table is never flattened into text.
    expect(document.body.textContent).not.toContain('|');
  });

  it('says so, in Spanish too, when nothing changed', () => {
    renderRoute(<DiffView blocks={[{ kind: 'text', op: 'equal', text: 'x' }]} />, {
      language: 'es',
    });
    expect(screen.getByText('No hay diferencias.')).toBeTruthy();
  });
});
