import { useTranslation } from 'react-i18next';
import type { Board } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { localizedTitle } from '../portfolio/localizedTitle';

const BAR_HEIGHT = 22;
const GAP = 6;
const LABEL_WIDTH = 84;
const WIDTH = 480;
const SHORT_LABEL = 7;

// A program without a code is labelled by the start of its title (the table has it whole).
function shortLabel(title: string): string {
  return title.length > SHORT_LABEL ? `${title.slice(0, SHORT_LABEL - 1)}…` : title;
}

/**
 * A horizontal bar chart of the board's scores, hand-written SVG (see README: at most a few
 * dozen bars need no scales library, and the board table beside it is the accessible view).
 * The SVG is a figure with a text alternative; its numbers are in the table.
 */
export function ScoreChart({ board }: { board: Board }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const max = Math.max(1, ...board.rows.map((r) => r.score));
  const height = board.rows.length * (BAR_HEIGHT + GAP);
  const barSpace = WIDTH - LABEL_WIDTH - 40;
  return (
    <figure className="score-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={t('priorities.chart.label')}
        preserveAspectRatio="xMinYMin meet"
      >
        {board.rows.map((row, i) => {
          const y = i * (BAR_HEIGHT + GAP);
          const w = (row.score / max) * barSpace;
          return (
            <g key={row.programId}>
              <title>{`${row.code ?? ''} ${localizedTitle(row, locale)}: ${row.score}`}</title>
              <text
                x={LABEL_WIDTH - 6}
                y={y + BAR_HEIGHT * 0.7}
                textAnchor="end"
                className="score-chart__label"
              >
                {row.code ?? shortLabel(localizedTitle(row, locale))}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={Math.max(w, 1)}
                height={BAR_HEIGHT}
                className={
                  row.priority ? 'score-chart__bar score-chart__bar--priority' : 'score-chart__bar'
                }
              />
              <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT * 0.7} className="score-chart__value">
                {row.score}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t('priorities.chart.caption')}</figcaption>
    </figure>
  );
}
