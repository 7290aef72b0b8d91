import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import './programEdit.css';
import { Card } from '../../components/Card';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { Forbidden } from '../admin/components/Forbidden';
import { useMe } from '../auth/useMe';
import { Breadcrumb } from '../portfolio/components/Breadcrumb';
import { ProgramDetailsForm } from './components/ProgramDetailsForm';
import { useSaveProgram } from './useSaveProgram';

/** `/programs/new`: creates a program, for people with `createProgram`. */
export function NewProgramPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const save = useSaveProgram();
  useDocumentTitle(t('programEdit.newTitle'));
  if (!me.data) return <LoadingState label={t('common.loadingPage')} />;
  if (!me.data.abilities.createProgram) return <Forbidden />;
  return (
    <div className="page">
      <Breadcrumb current={t('programEdit.newTitle')} />
      <header className="page-header">
        <h1>{t('programEdit.newTitle')}</h1>
        <p className="page-header__lead">{t('programEdit.newLead')}</p>
      </header>
      <Card labelledBy="new-program-form">
        <h2 id="new-program-form" className="visually-hidden">
          {t('program.details')}
        </h2>
        <ProgramDetailsForm
          submitLabel={t('programEdit.create')}
          onSave={async (input) => {
            const program = await save(input);
            await navigate(`/programs/${encodeURIComponent(program.id)}`);
          }}
          onCancel={() => void navigate('/')}
        />
      </Card>
    </div>
  );
}
