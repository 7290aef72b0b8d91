import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useLocale } from '../../i18n/useLocale';
import { localizedTitle } from '../portfolio/localizedTitle';
import { useOrganizations } from '../portfolio/useOrganizations';
import { usePrograms } from '../portfolio/usePrograms';
import { ProgramCoordinators } from './components/ProgramCoordinators';
import { ProgramRelations } from './components/ProgramRelations';

/** `/admin/programs[/:programId]`: pick a program, then set its organizations and coordinators. */
export function ProgramAccessPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { programId } = useParams();
  const programs = usePrograms();
  const organizations = useOrganizations();
  const program = programs.data?.find((item) => item.id === programId);
  const title = program ? localizedTitle(program, locale) : t('admin.access.title');
  useDocumentTitle(title);
  const failure = programs.error ?? organizations.error;
  if (failure) return <ErrorState level={1} title={t('admin.loadError')} error={failure} />;
  if (!programs.data || !organizations.data) return <LoadingState label={t('admin.loading')} />;
  return (
    <>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="page-header__lead">{t('admin.access.lead')}</p>
      </header>
      <nav aria-label={t('admin.access.programs')}>
        <ul className="program-picker">
          {programs.data.map((item) => (
            <li key={item.id}>
              <Link
                to={`/admin/programs/${encodeURIComponent(item.id)}`}
                aria-current={item.id === programId ? 'page' : undefined}
                className={item.code === null ? 'program-picker__uncoded' : undefined}
                title={item.code === null ? localizedTitle(item, locale) : undefined}
              >
                {item.code ?? localizedTitle(item, locale)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {program ? (
        <>
          <Card labelledBy="access-orgs">
            <h2 id="access-orgs">{t('admin.access.organizationsHeading')}</h2>
            <ProgramRelations programId={program.id} organizations={organizations.data} />
          </Card>
          <Card labelledBy="access-coordinators">
            <h2 id="access-coordinators">{t('admin.access.coordinatorsHeading')}</h2>
            <ProgramCoordinators programId={program.id} />
          </Card>
        </>
      ) : (
        <p className="muted">{t('admin.access.pick')}</p>
      )}
    </>
  );
}
