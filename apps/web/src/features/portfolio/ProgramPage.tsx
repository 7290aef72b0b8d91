import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import './portfolio.css';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { isApiErrorStatus } from '../../lib/api';
import { failedQueries, retryFor } from '../../lib/queryState';
import { LiveProgram } from '../live/LiveProgram';
import { Breadcrumb } from './components/Breadcrumb';
import { PlanSection } from './components/PlanSection';
import { ProgramDiscussion } from './components/ProgramDiscussion';
import { ProgramFacts } from './components/ProgramFacts';
import { ProgramHeader } from './components/ProgramHeader';
import { localizedTitle } from './localizedTitle';
import { useComponents } from './useComponents';
import { useOrganizations } from './useOrganizations';
import { useProgram } from './useProgram';
import { ProgramDetailsEditor } from '../programEdit/components/ProgramDetailsEditor';
import { ProgramMeetingsSection } from '../meetings/ProgramMeetingsSection';
import { ProgramFundingSection } from '../funding/ProgramFundingSection';

/**
 * A calm page in place of the program, with the way back: "not found", or the answer to a 403
 * — how access works and who gives it. The server's refusal says nothing about the program, and
 * neither does that page: no organization, no coordinator, not even whether it has a plan.
 */
function ProgramUnavailable({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <EmptyState
      level={1}
      title={title}
      body={body}
      action={<Link to="/">{t('common.backToPortfolio')}</Link>}
    />
  );
}

function ProgramBody({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const program = useProgram(id);
  const components = useComponents();
  const organizations = useOrganizations();
  const title = program.data ? localizedTitle(program.data, locale) : undefined;
  useDocumentTitle(title);
  if (isApiErrorStatus(program.error, 404)) {
    return (
      <ProgramUnavailable title={t('program.notFoundTitle')} body={t('program.notFoundBody')} />
    );
  }
  if (isApiErrorStatus(program.error, 403)) {
    return <ProgramUnavailable title={t('access.noAccessTitle')} body={t('access.noAccessBody')} />;
  }
  const failed = failedQueries([program, components, organizations]);
  if (failed.length > 0) {
    const error = failed[0]?.error;
    return (
      <ErrorState
        level={1}
        title={t('program.loadError')}
        error={error}
        onRetry={retryFor(failed)}
      />
    );
  }
  if (!program.data || !components.data || !organizations.data) {
    return <LoadingState label={t('program.loading')} />;
  }
  const component = components.data.find((item) => item.id === program.data.componentId);
  return (
    <>
      <ProgramHeader program={program.data} />
      <Card labelledBy="facts-heading" className="program-facts">
        <h2 id="facts-heading">{t('program.details')}</h2>
        <ProgramFacts
          program={program.data}
          component={component}
          organizations={organizations.data}
        />
        <ProgramDetailsEditor program={program.data} />
      </Card>
      <PlanSection program={program.data} organizations={organizations.data} />
      <ProgramFundingSection program={program.data} />
      <ProgramMeetingsSection programId={program.data.id} />
      <ProgramDiscussion program={program.data} />
    </>
  );
}

/** A program: its recorded facts and, below them, the place of its plan. */
export function ProgramPage() {
  const { programId = '' } = useParams();
  const locale = useLocale();
  const { data } = useProgram(programId);
  const current = data ? (data.code ?? localizedTitle(data, locale)) : undefined;
  return (
    <div className="page">
      <Breadcrumb current={current} />
      <LiveProgram programId={programId} />
      <ProgramBody id={programId} />
    </div>
  );
}
