import { useTranslation } from 'react-i18next';
import type { ProgramFunding } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { formatAmount, formatUsd, isNegative } from './format';

/**
 * A program's funding in USD, as everyone signed in sees it: the estimated cost (or "not
 * recorded"), pledged, committed, disbursed, the funding that counts, and the gap — or why the
 * gap is unknown — and how many amounts are left out for want of a rate.
 */
export function FundingSummary({ funding }: { funding: ProgramFunding }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { figures, estimatedCost, estimatedCostUsd, gap } = funding;
  const cost = estimatedCost
    ? estimatedCost.currency === 'USD'
      ? formatUsd(estimatedCost.amount, locale)
      : estimatedCostUsd
        ? `${formatAmount(estimatedCost.amount, estimatedCost.currency, locale)} (${t('funding.summary.costConverted')} ${formatUsd(estimatedCostUsd, locale)})`
        : formatAmount(estimatedCost.amount, estimatedCost.currency, locale)
    : null;
  let gapText: string;
  if (gap !== null) {
    gapText = isNegative(gap)
      ? `${t('funding.summary.surplus')} ${formatUsd(gap.slice(1), locale)}`
      : formatUsd(gap, locale);
  } else if (!estimatedCost) {
    gapText = t('funding.summary.gapNoCost');
  } else {
    gapText = t('funding.summary.gapNoRate', { name: estimatedCost.currency });
  }
  return (
    <dl className="funding-summary">
      <div>
        <dt>{t('funding.summary.estimatedCost')}</dt>
        <dd>{cost ?? <span className="not-recorded">{t('funding.summary.notRecorded')}</span>}</dd>
      </div>
      <div>
        <dt>{t('funding.summary.pledged')}</dt>
        <dd>{formatUsd(figures.pledged, locale)}</dd>
      </div>
      <div>
        <dt>{t('funding.summary.committed')}</dt>
        <dd>{formatUsd(figures.committed, locale)}</dd>
      </div>
      <div>
        <dt>{t('funding.summary.disbursed')}</dt>
        <dd>{formatUsd(figures.disbursed, locale)}</dd>
      </div>
      <div>
        <dt>{t('funding.summary.funding')}</dt>
        <dd>{formatUsd(figures.funding, locale)}</dd>
      </div>
      <div className="funding-summary__gap">
        <dt>{t('funding.summary.gap')}</dt>
        <dd data-testid="funding-gap">{gapText}</dd>
      </div>
      {figures.withoutRate > 0 ? (
        <div className="funding-summary__without-rate">
          <dt>{t('funding.summary.withoutRateLabel')}</dt>
          <dd>{t('funding.summary.withoutRate', { count: figures.withoutRate })}</dd>
        </div>
      ) : null}
    </dl>
  );
}
