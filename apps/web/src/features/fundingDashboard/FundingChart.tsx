import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundingFigures } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { barLength, formatUsd } from './money';

// The chart is its own chunk: the tables (the source of truth) show first.
const StackedBarChart = lazy(() => import('../../components/StackedBarChart'));

/** A bar of the funding chart: a name, its figures and, for a program, its estimated cost. */
export interface FundingBar {
  key: string;
  label: string;
  figures: FundingFigures;
  estimatedCostUsd?: string | null;
}

/**
 * Stacked bars of disbursed, committed beyond disbursed (together the funding) and pledged
 * (hatched: shown, never counted), with the estimated cost as a marker.
 */
export function FundingChart({ bars, label }: { bars: readonly FundingBar[]; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (bars.length === 0) return null;
  const kinds = [
    {
      key: 'disbursed',
      label: t('fundingDashboard.chart.disbursed'),
      className: 'chart-fill--disbursed',
    },
    {
      key: 'committed',
      label: t('fundingDashboard.chart.committed'),
      className: 'chart-fill--committed',
    },
    {
      key: 'pledged',
      label: t('fundingDashboard.chart.pledged'),
      className: 'chart-fill--pledged',
      hatched: true,
    },
  ];
  const rows = bars.map((b) => {
    const disbursed = barLength(b.figures.disbursed);
    const funding = barLength(b.figures.funding);
    return {
      key: b.key,
      label: b.label,
      values: [disbursed, Math.max(0, funding - disbursed), barLength(b.figures.pledged)],
      marker: b.estimatedCostUsd ? barLength(b.estimatedCostUsd) : null,
      description: t('fundingDashboard.chart.bar', {
        name: b.label,
        funding: formatUsd(b.figures.funding, locale),
        disbursed: formatUsd(b.figures.disbursed, locale),
        pledged: formatUsd(b.figures.pledged, locale),
        cost: b.estimatedCostUsd
          ? formatUsd(b.estimatedCostUsd, locale)
          : t('fundingDashboard.notRecorded'),
      }),
    };
  });
  return (
    <Suspense
      fallback={<p className="funding-chart__loading">{t('fundingDashboard.chart.loading')}</p>}
    >
      <StackedBarChart
        kinds={kinds}
        rows={rows}
        label={label}
        caption={t('fundingDashboard.chart.caption')}
        markerLabel={t('fundingDashboard.chart.marker')}
      />
    </Suspense>
  );
}
