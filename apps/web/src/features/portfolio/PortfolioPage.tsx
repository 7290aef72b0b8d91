import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import './portfolio.css';
import type { Component, Program } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { failedQueries, retryFor } from '../../lib/queryState';
import { ComponentSection } from './components/ComponentSection';
import { PortfolioSummary } from './components/PortfolioSummary';
import { PriorityFilter } from './components/PriorityFilter';
import { useMe } from '../auth/useMe';
import { countPrograms, groupProgramsByComponent } from './groupPrograms';
import { useComponents } from './useComponents';
import { usePrograms } from './usePrograms';

// Kept in the address so a filtered portfolio can be shared or reloaded as it was.
const PRIORITY_PARAM = 'priority';

function usePriorityOnly(): [boolean, (value: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: boolean): void => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(PRIORITY_PARAM, '1');
        else next.delete(PRIORITY_PARAM);
        return next;
      },
      { replace: true },
    );
  };
  return [params.get(PRIORITY_PARAM) === '1', set];
}

interface PortfolioContentProps {
  components: Component[];
  programs: Program[];
}

function PortfolioContent({ components, programs }: PortfolioContentProps) {
  const [priorityOnly, setPriorityOnly] = usePriorityOnly();
  const shown = priorityOnly ? programs.filter((program) => program.priority) : programs;
  const groups = groupProgramsByComponent(components, shown);
  return (
    <>
      <PortfolioSummary {...countPrograms(programs)} />
      <PriorityFilter checked={priorityOnly} onChange={setPriorityOnly} />
      <div className="component-list">
        {groups.map((group) => (
          <ComponentSection key={group.component.id} group={group} priorityOnly={priorityOnly} />
        ))}
      </div>
    </>
  );
}

function PortfolioBody() {
  const { t } = useTranslation();
  const components = useComponents();
  const programs = usePrograms();
  const failed = failedQueries([components, programs]);
  if (failed.length > 0) {
    return (
      <ErrorState
        title={t('portfolio.loadError')}
        error={failed[0]?.error}
        onRetry={retryFor(failed)}
      />
    );
  }
  if (components.data === undefined || programs.data === undefined) {
    return <LoadingState label={t('portfolio.loading')} />;
  }
  return <PortfolioContent components={components.data} programs={programs.data} />;
}

/** The first screen: the strategy's components with their recorded programs. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('portfolio.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('portfolio.title')}</h1>
        <p className="page-header__lead">{t('portfolio.intro')}</p>
        {me.data?.abilities.createProgram ? (
          <p>
            <Link className="button button--secondary" to="/programs/new">
              {t('programEdit.newLink')}
            </Link>
          </p>
        ) : null}
      </header>
      <PortfolioBody />
    </div>
  );
}
