import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { IATI_IMPORT_MAX_BYTES } from '@mesa/shared';
import { fetchPrograms, type ApiError } from '../../lib/api';
import { checkIatiExport, iatiExportUrl, uploadIatiFile } from '../../lib/iatiApi';
import { useMe } from '../auth/useMe';

const MAX_MB = IATI_IMPORT_MAX_BYTES / 1024 / 1024;

/** IATI: export links (all programs or one; XML and CSV) and the upload of a file to import. */
export function IatiPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const programs = useQuery({
    queryKey: ['programs'],
    queryFn: ({ signal }) => fetchPrograms(signal),
  });
  const [programId, setProgramId] = useState('');
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const fileId = useId();
  const programSelectId = useId();
  const locale = i18n.language.startsWith('es') ? 'es' : 'en';
  const abilities = me.data?.abilities;

  useEffect(() => {
    void checkIatiExport().then(setExportError);
  }, []);

  async function onUpload(event: FormEvent) {
    event.preventDefault();
    setUploadError(null);
    if (!file) {
      setUploadError(t('iati.upload.chooseFile'));
      return;
    }
    if (file.size > IATI_IMPORT_MAX_BYTES) {
      setUploadError(t('iati.upload.tooLarge', { max: MAX_MB }));
      return;
    }
    setProgress(0);
    try {
      const preview = await uploadIatiFile(file, setProgress);
      void navigate(`/funding/iati/imports/${preview.id}`);
    } catch (error) {
      setUploadError(
        t('iati.upload.refused', { message: (error as ApiError).message ?? String(error) }),
      );
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="page">
      <h1>{t('iati.title')}</h1>
      <p>{t('iati.intro')}</p>
      <section aria-labelledby="iati-export-heading">
        <h2 id="iati-export-heading">{t('iati.export.heading')}</h2>
        {exportError?.status === 409 ? (
          <div role="alert" className="callout callout-warning">
            <p>{t('iati.export.noPublisher')}</p>
            {abilities?.administer ? (
              <p>
                <Link to="/admin/organizations">{t('iati.export.setIdentifier')}</Link>
              </p>
            ) : (
              <p>{t('iati.export.askAdmin')}</p>
            )}
          </div>
        ) : null}
        <ul>
          <li>
            <a href={iatiExportUrl('xml')} download>
              {t('iati.export.allXml')}
            </a>
          </li>
          <li>
            <a href={iatiExportUrl('csv')} download>
              {t('iati.export.allCsv')}
            </a>
          </li>
        </ul>
        <div>
          <label htmlFor={programSelectId}>{t('iati.export.program')}</label>{' '}
          <select
            id={programSelectId}
            value={programId}
            onChange={(e) => setProgramId(e.target.value)}
          >
            <option value="">{t('iati.export.chooseProgram')}</option>
            {(programs.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.code ? `${p.code} — ` : ''}
                {locale === 'es' ? p.titleEs : p.titleEn}
              </option>
            ))}
          </select>{' '}
          {programId ? (
            <>
              <a href={iatiExportUrl('xml', programId)} download>
                {t('iati.export.oneXml')}
              </a>{' '}
              <a href={iatiExportUrl('csv', programId)} download>
                {t('iati.export.oneCsv')}
              </a>
            </>
          ) : null}
        </div>
      </section>
      {abilities?.importIati ? (
        <section aria-labelledby="iati-import-heading">
          <h2 id="iati-import-heading">{t('iati.upload.heading')}</h2>
          <p>{t('iati.upload.help', { max: MAX_MB })}</p>
          <form onSubmit={(e) => void onUpload(e)} noValidate>
            <label htmlFor={fileId}>{t('iati.upload.fileLabel')}</label>{' '}
            <input
              id={fileId}
              type="file"
              accept=".xml,application/xml,text/xml"
              aria-describedby={uploadError ? `${fileId}-error` : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />{' '}
            <button type="submit" disabled={progress !== null}>
              {t('iati.upload.submit')}
            </button>
            {progress !== null ? (
              <p>
                <label>
                  {t('iati.upload.progress')} <progress max={1} value={progress} />
                </label>
              </p>
            ) : null}
            {uploadError ? (
              <p id={`${fileId}-error`} role="alert" className="field-error">
                {uploadError}
              </p>
            ) : null}
          </form>
        </section>
      ) : null}
    </div>
  );
}
