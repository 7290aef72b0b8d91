import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { StackedBarChart } from './StackedBarChart';

afterEach(cleanup);

const kinds = [
  { key: 'a', label: 'Disbursed', className: 'fill-a' },
  { key: 'b', label: 'Committed', className: 'fill-b' },
  { key: 'c', label: 'Pledged', className: 'fill-c', hatched: true },
];

function renderChart() {
  return render(
    <StackedBarChart
      kinds={kinds}
      label="Funding per program"
      caption="Solid: counted"
      markerLabel="Estimated cost"
      rows={[
        {
          key: 'p1',
          label: 'BA1',
          values: [60, 40, 0],
          marker: 200,
          description: 'BA1: 100 of 200',
        },
        {
          key: 'p2',
          label: 'A very long program title',
          values: [0, 0, 50],
          marker: null,
          description: 'Two',
        },
      ]}
    />,
  );
}

describe('StackedBarChart', () => {
  it('is a figure with a text alternative, a caption and a legend naming every kind', () => {
    renderChart();
    const figure = screen.getByRole('figure');
    expect(screen.getByRole('img', { name: 'Funding per program' })).toBeTruthy();
    expect(figure.textContent).toContain('Solid: counted');
    const legend = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(legend).toEqual(['Disbursed', 'Committed', 'Pledged', 'Estimated cost']);
  });

  it('draws segments in proportion, hatches hatched kinds, and places the marker on the same scale', () => {
    const { container } = renderChart();
    const bar = (row: string, segment: string) =>
      container.querySelector(`[data-row="${row}"] [data-segment="${segment}"] rect`);
    const width = (row: string, segment: string) =>
      Number(bar(row, segment)?.getAttribute('width'));
    // The scale is the largest of every bar's sum and marker: 200.
    expect(width('p1', 'a') / width('p1', 'b')).toBeCloseTo(60 / 40);
    expect(width('p1', 'a') / width('p2', 'c')).toBeCloseTo(60 / 50);
    expect(bar('p1', 'c')).toBeNull();
    expect(container.querySelectorAll('[data-row="p2"] [data-segment="c"] rect')).toHaveLength(2);
    const marker = container.querySelector('[data-row="p1"] [data-marker]')!;
    const start = Number(bar('p1', 'a')!.getAttribute('x'));
    const end = Number(bar('p1', 'b')!.getAttribute('x')) + width('p1', 'b');
    // 100 of 200: the bar ends half way to the marker.
    expect((end - start) / (Number(marker.getAttribute('x1')) - start)).toBeCloseTo(0.5);
    expect(container.querySelector('[data-row="p2"] [data-marker]')).toBeNull();
    // Each bar says in words what it shows.
    expect(container.querySelector('[data-row="p1"] title')?.textContent).toBe('BA1: 100 of 200');
    expect(container.querySelector('[data-row="p2"] text')?.textContent).toBe('A very lon…');
  });
});
