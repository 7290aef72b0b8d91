import { useTranslation } from 'react-i18next';
import { StrategyFacts } from '@mesa/shared';
import { Badge } from '../../../components/Badge';

/** Props of PortfolioSummary. */
export interface PortfolioSummaryProps {
  /** Programs recorded in Mesa. */
  recorded: number;
  /** Recorded programs flagged priority. */
  priority: number;
}

/** What is recorded against the strategy's own totals, with a key to the badges. */
export function PortfolioSummary({ recorded, priority }: PortfolioSummaryProps) {
  const { t } = useTranslation();
  // Two numbers per sentence, each with its own plural forms: the total is a phrase of its own.
  const programs = t('portfolio.strategyPrograms', { count: StrategyFacts.programCount });
  const priorityPrograms = t('portfolio.strategyPriorityPrograms', {
    count: StrategyFacts.priorityProgramCount,
  });
  return (
    <div className="portfolio-summary">
      <p className="portfolio-summary__counts">
        {t('portfolio.summaryRecorded', { count: recorded, programs })}{' '}
        {t('portfolio.summaryPriority', { count: priority, programs: priorityPrograms })}
      </p>
      <div className="legend">
        <p className="legend__title" id="legend-title">
          {t('portfolio.legendTitle')}
        </p>
        <dl className="legend__list" aria-labelledby="legend-title">
          <div className="legend__item">
            <dt>
              <Badge tone="priority">{t('marker.priority')}</Badge>
            </dt>
            <dd>{t('portfolio.legendPriority')}</dd>
          </div>
          <div className="legend__item">
            <dt>
              <Badge tone="inferred">{t('marker.inferred')}</Badge>
            </dt>
            <dd>{t('portfolio.legendInferred')}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
