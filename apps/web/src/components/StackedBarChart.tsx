import './StackedBarChart.css';

/** One kind of segment: its label (legend, tooltips) and how it is drawn. */
export interface ChartSegmentKind {
  key: string;
  label: string;
  /** CSS class of its fill (colour and, for a hatched kind, its pattern). */
  className: string;
  /** Drawn hatched, so colour is not the only cue. */
  hatched?: boolean;
}

/** One bar: its label, a value per segment kind (same order), and an optional marker. */
export interface ChartRow {
  key: string;
  label: string;
  /** Each segment's length in the chart's unit; only the ratio matters (geometry, not money). */
  values: readonly number[];
  /** Where a marker line stands (e.g. the estimated cost), in the same unit. */
  marker?: number | null;
  /** What the bar says in words (its tooltip), e.g. "BA1: 100 committed of 1,000". */
  description: string;
}

/** Props of StackedBarChart. */
export interface StackedBarChartProps {
  kinds: readonly ChartSegmentKind[];
  rows: readonly ChartRow[];
  /** The figure's text alternative (what it shows; the numbers are in the table beside it). */
  label: string;
  /** The caption under the chart. */
  caption: string;
  /** The marker's name in the legend, when rows have markers. */
  markerLabel?: string;
}

const ROW = 30;
const BAR = 20;
const LABEL = 96;
const WIDTH = 560;
const RIGHT = 12;
const SHORT = 11;

function short(text: string): string {
  return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
}

/**
 * Horizontal stacked bars, hand-written SVG like the priorities board's ScoreChart (a few dozen
 * bars need no scales library; see README). Every segment kind has a legend entry with its
 * swatch, hatched kinds a pattern, so colour is never the only cue; the SVG is a figure with a
 * text alternative and each bar a tooltip — the table beside it is the source of truth.
 */
export function StackedBarChart({
  kinds,
  rows,
  label,
  caption,
  markerLabel,
}: StackedBarChartProps) {
  const max = Math.max(
    1,
    ...rows.map((r) =>
      Math.max(
        r.values.reduce((a, b) => a + Math.max(0, b), 0),
        r.marker ?? 0,
      ),
    ),
  );
  const space = WIDTH - LABEL - RIGHT;
  const height = Math.max(rows.length, 1) * ROW;
  const hasMarker = rows.some((r) => r.marker !== undefined && r.marker !== null);
  return (
    <figure className="stacked-chart">
      <ul className="stacked-chart__legend">
        {kinds.map((k) => (
          <li key={k.key}>
            <svg width="14" height="14" aria-hidden="true" className="stacked-chart__swatch">
              <rect width="14" height="14" className={k.className} />
              {k.hatched ? <rect width="14" height="14" fill="url(#stacked-chart-hatch)" /> : null}
            </svg>
            {k.label}
          </li>
        ))}
        {hasMarker && markerLabel ? (
          <li>
            <svg width="14" height="14" aria-hidden="true" className="stacked-chart__swatch">
              <line x1="7" y1="0" x2="7" y2="14" className="stacked-chart__marker" />
            </svg>
            {markerLabel}
          </li>
        ) : null}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={label}
        preserveAspectRatio="xMinYMin meet"
        className="stacked-chart__svg"
      >
        <defs>
          <pattern
            id="stacked-chart-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="6" className="stacked-chart__hatch" />
          </pattern>
        </defs>
        {rows.map((row, i) => {
          const y = i * ROW + (ROW - BAR) / 2;
          let x = LABEL;
          return (
            <g key={row.key} data-row={row.key}>
              <title>{row.description}</title>
              <text
                x={LABEL - 6}
                y={y + BAR * 0.72}
                textAnchor="end"
                className="stacked-chart__label"
              >
                {short(row.label)}
              </text>
              {row.values.map((value, s) => {
                const kind = kinds[s];
                const w = (Math.max(0, value) / max) * space;
                const at = x;
                x += w;
                if (!kind || w <= 0) return null;
                return (
                  <g key={kind.key} data-segment={kind.key}>
                    <rect x={at} y={y} width={w} height={BAR} className={kind.className} />
                    {kind.hatched ? (
                      <rect x={at} y={y} width={w} height={BAR} fill="url(#stacked-chart-hatch)" />
                    ) : null}
                  </g>
                );
              })}
              {row.marker !== undefined && row.marker !== null ? (
                <line
                  data-marker=""
                  x1={LABEL + (row.marker / max) * space}
                  x2={LABEL + (row.marker / max) * space}
                  y1={y - 3}
                  y2={y + BAR + 3}
                  className="stacked-chart__marker"
                />
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export default StackedBarChart;
