import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FundingDashboard, FundingFilters, Modality, ProgramFunding } from '@mesa/shared';
import './fundingDashboard.css';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { EmptyState } from '../../components/EmptyState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { fetchComponents } from '../../lib/api';
import {
  filtersFromParams,
  filtersToParams,
  fundingDashboardCsvUrl,
} from '../../lib/fundingDashboardApi';
import { formatDateTime } from '../../lib/intl';
import { FiguresTable, type FiguresLine } from './FiguresTable';
import { FundingChart, type FundingBar } from './FundingChart';
import { FundingFiltersForm } from './FundingFiltersForm';
import { formatAmount, formatUsd } from './money';
import { useFundingDashboard, useLiveFundingFigures, useScorecard } from './useFundingFigures';

function programName(p: ProgramFunding, locale: 'en' | 'es'): string {
  const title = locale === 'es' ? p.program.titleEs : p.program.titleEn;
  return p.program.code ? `${p.program.code} ${title}` : title;
}

function ProgramsSection({
  id,
  title,
  programs,
}: {
  id: string;
  title: string;
  programs: readonly ProgramFunding[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (programs.length === 0) return null;
  const bars: FundingBar[] = programs.map((p) => ({
    key: p.program.id,
    label: p.program.code ?? (locale === 'es' ? p.program.titleEs : p.program.titleEn),
    figures: p.figures,
    estimatedCostUsd: p.estimatedCostUsd,
  }));
  const lines: FiguresLine[] = programs.map((p) => ({
    key: p.program.id,
    name: <Link to={`/programs/${p.program.id}`}>{programName(p, locale)}</Link>,
    figures: p.figures,
    cost: {
      estimated: p.estimatedCost ? (
        <>
          {formatAmount(p.estimatedCost.amount, p.estimatedCost.currency, locale)}
          {p.estimatedCost.currency !== 'USD' ? (
            <span className="funding-note">
              {' '}
              {p.estimatedCostUsd
                ? t('fundingDashboard.inUsd', { amount: formatUsd(p.estimatedCostUsd, locale) })
                : t('fundingDashboard.costNoRate')}
            </span>
          ) : null}
        </>
      ) : (
        <span className="funding-note">{t('fundingDashboard.notRecorded')}</span>
      ),
      gap:
        p.gap === null ? (
          <span className="funding-note">{t('fundingDashboard.gapUnknown')}</span>
        ) : p.gap.startsWith('-') ? (
          t('fundingDashboard.beyondCost', { amount: formatUsd(p.gap.slice(1), locale) })
        ) : (
          formatUsd(p.gap, locale)
        ),
    },
  }));
  return (
    <section className="funding-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="funding-pair">
        <FundingChart bars={bars} label={t('fundingDashboard.chart.label', { what: title })} />
        <FiguresTable
          caption={title}
          nameHeading={t('fundingDashboard.columns.program')}
          lines={lines}
          withCost
        />
      </div>
    </section>
  );
}

function Breakdowns({ d }: { d: FundingDashboard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lines = (rows: FundingDashboard['byDonor']): FiguresLine[] =>
    rows.map((r) => ({ key: r.key, name: r.label[locale], figures: r.figures }));
  return (
    <>
      <section className="funding-section" aria-labelledby="funding-by-component">
        <h2 id="funding-by-component">{t('fundingDashboard.byComponent')}</h2>
        <FiguresTable
          caption={t('fundingDashboard.byComponent')}
          nameHeading={t('fundingDashboard.columns.component')}
          lines={d.byComponent.map((r) => ({
            key: r.key,
            name: r.key === 'strategy-wide' ? r.label[locale] : `${r.key} · ${r.label[locale]}`,
            figures: r.figures,
          }))}
          total={{ key: 'total', name: t('fundingDashboard.total'), figures: d.total }}
        />
      </section>
      {d.byDonor.length > 0 ? (
        <section className="funding-section" aria-labelledby="funding-by-donor">
          <h2 id="funding-by-donor">{t('fundingDashboard.byDonor')}</h2>
          <div className="funding-pair">
            <FundingChart
              bars={d.byDonor.map((r) => ({
                key: r.key,
                label: r.label[locale],
                figures: r.figures,
              }))}
              label={t('fundingDashboard.chart.label', { what: t('fundingDashboard.byDonor') })}
            />
            <FiguresTable
              caption={t('fundingDashboard.byDonor')}
              nameHeading={t('fundingDashboard.columns.donor')}
              lines={lines(d.byDonor)}
            />
          </div>
        </section>
      ) : null}
      {d.byModality.length > 0 ? (
        <section className="funding-section" aria-labelledby="funding-by-modality">
          <h2 id="funding-by-modality">{t('fundingDashboard.byModality')}</h2>
          <FiguresTable
            caption={t('fundingDashboard.byModality')}
            nameHeading={t('fundingDashboard.columns.modality')}
            lines={d.byModality.map((r) => ({
              key: r.key,
              name: t(`fundingDashboard.modality.${r.key as Modality}`),
              figures: r.figures,
            }))}
          />
        </section>
      ) : null}
      {d.byCurrency.length > 0 ? (
        <section className="funding-section" aria-labelledby="funding-by-currency">
          <h2 id="funding-by-currency">{t('fundingDashboard.byCurrency')}</h2>
          <FiguresTable
            caption={t('fundingDashboard.byCurrency')}
            nameHeading={t('fundingDashboard.columns.currency')}
            lines={d.byCurrency.map((r) => ({
              key: r.key,
              name: r.key,
              figures: r.figures,
              extra: r.native
                ? [
                    formatAmount(r.native.pledged, r.key, locale),
                    formatAmount(r.native.committed, r.key, locale),
                    formatAmount(r.native.disbursed, r.key, locale),
                  ]
                : [],
            }))}
            extraHeadings={[
              t('fundingDashboard.columns.nativePledged'),
              t('fundingDashboard.columns.nativeCommitted'),
              t('fundingDashboard.columns.nativeDisbursed'),
            ]}
          />
        </section>
      ) : null}
      {d.byYear.length > 0 ? (
        <section className="funding-section" aria-labelledby="funding-by-year">
          <h2 id="funding-by-year">{t('fundingDashboard.byYear')}</h2>
          <p className="funding-note">{t('fundingDashboard.byYearNote')}</p>
          <div className="funding-pair">
            <FundingChart
              bars={d.byYear.map((r) => ({ key: r.key, label: r.key, figures: r.figures }))}
              label={t('fundingDashboard.chart.label', { what: t('fundingDashboard.byYear') })}
            />
            <FiguresTable
              caption={t('fundingDashboard.byYear')}
              nameHeading={t('fundingDashboard.columns.year')}
              lines={lines(d.byYear)}
            />
          </div>
        </section>
      ) : null}
    </>
  );
}

function Summary({ d, changes }: { d: FundingDashboard; changes: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="funding-summary" aria-labelledby="funding-summary-title">
      <h2 id="funding-summary-title">{t('fundingDashboard.summary')}</h2>
      <dl className="funding-summary__figures">
        <div>
          <dt>{t('fundingDashboard.columns.funding')}</dt>
          <dd data-testid="total-funding">{formatUsd(d.total.funding, locale)}</dd>
        </div>
        <div>
          <dt>{t('fundingDashboard.columns.disbursed')}</dt>
          <dd>{formatUsd(d.total.disbursed, locale)}</dd>
        </div>
        <div>
          <dt>{t('fundingDashboard.columns.pledged')}</dt>
          <dd>{formatUsd(d.total.pledged, locale)}</dd>
        </div>
      </dl>
      <p>{t('fundingDashboard.rule')}</p>
      {d.total.withoutRate > 0 ? (
        <p className="funding-warning">
          {t('fundingDashboard.withoutRate', { count: d.total.withoutRate })}
        </p>
      ) : null}
      {d.conflictingRecords > 0 ? (
        <p className="funding-warning">
          {t('fundingDashboard.conflicting', { count: d.conflictingRecords })}
        </p>
      ) : null}
      <p className="funding-live" role="status" aria-live="polite">
        {changes > 0
          ? t('fundingDashboard.liveUpdated', { time: formatDateTime(d.generatedAt, locale) })
          : t('fundingDashboard.live', { time: formatDateTime(d.generatedAt, locale) })}
      </p>
    </section>
  );
}

/** `/funding`: the funding dashboard, its filters in the URL, live. */
export function FundingDashboardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const filters: FundingFilters = filtersFromParams(params);
  const dashboard = useFundingDashboard(filters);
  const components = useQuery({
    queryKey: ['components'],
    queryFn: ({ signal }) => fetchComponents(signal),
  });
  const donors = useScorecard({ sort: 'donor' });
  const changes = useLiveFundingFigures();
  useDocumentTitle(t('fundingDashboard.title'));
  const apply = (next: FundingFilters) => setParams(filtersToParams(next));
  const d = dashboard.data;
  const strategyWideShown = filters.componentId === undefined && filters.priority === undefined;

  let body: React.ReactNode;
  if (dashboard.error && !d)
    body = (
      <ErrorState
        title={t('fundingDashboard.loadError')}
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
      />
    );
  else if (!d) body = <LoadingState label={t('fundingDashboard.loading')} />;
  else {
    const priority = d.programs.filter((p) => p.program.priority);
    const others = d.programs.filter((p) => !p.program.priority);
    const componentTitles = new Map(
      (components.data ?? []).map((c) => [c.id, locale === 'es' ? c.titleEs : c.titleEn]),
    );
    const componentIds = [...new Set(others.map((p) => p.program.componentId))].sort();
    const nothing =
      d.byDonor.length === 0 && d.total.withoutRate === 0 && d.byCurrency.length === 0;
    body = (
      <div aria-busy={dashboard.isFetching}>
        <Summary d={d} changes={changes} />
        {nothing ? (
          <EmptyState
            title={t('fundingDashboard.empty')}
            body={
              Object.keys(filters).length > 0
                ? t('fundingDashboard.emptyFiltered')
                : t('fundingDashboard.emptyBody')
            }
          />
        ) : null}
        <ProgramsSection
          id="funding-priority"
          title={t('fundingDashboard.priorityPrograms')}
          programs={priority}
        />
        {componentIds.map((c) => (
          <ProgramsSection
            key={c}
            id={`funding-component-${c}`}
            title={t('fundingDashboard.componentPrograms', {
              component: `${c} · ${componentTitles.get(c) ?? ''}`,
            })}
            programs={others.filter((p) => p.program.componentId === c)}
          />
        ))}
        {strategyWideShown ? (
          <section className="funding-section" aria-labelledby="funding-strategy-wide">
            <h2 id="funding-strategy-wide">{t('fundingDashboard.strategyWide')}</h2>
            <p>
              {t('fundingDashboard.strategyWideNote')}{' '}
              <Link to="/funding/records">{t('fundingDashboard.strategyWideRecords')}</Link>
            </p>
            <FiguresTable
              caption={t('fundingDashboard.strategyWide')}
              nameHeading={t('fundingDashboard.columns.row')}
              lines={[
                {
                  key: 'strategy-wide',
                  name: t('fundingDashboard.strategyWide'),
                  figures: d.strategyWide,
                },
              ]}
            />
          </section>
        ) : null}
        <Breakdowns d={d} />
      </div>
    );
  }

  return (
    <div className="page funding-page">
      <header className="page-header">
        <h1>{t('fundingDashboard.title')}</h1>
        <p className="page-header__lead">{t('fundingDashboard.intro')}</p>
        <p className="funding-links">
          <a href={fundingDashboardCsvUrl(filters, locale)} download>
            {t('fundingDashboard.downloadCsv')}
          </a>
          <Link to="/funding/scorecard">{t('fundingDashboard.scorecardLink')}</Link>
        </p>
      </header>
      <FundingFiltersForm
        key={params.toString()}
        filters={filters}
        components={components.data ?? []}
        donors={(donors.data?.rows ?? []).map((r) => ({
          id: r.donor.id,
          name: r.donor.name[locale],
        }))}
        onApply={apply}
      />
      {body}
    </div>
  );
}
