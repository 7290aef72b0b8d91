import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { IATI_IMPORT_MAX_BYTES } from '@mesa/shared';
import { fetchPrograms, type ApiError } from '../../lib/api';
import { checkIatiExport, iatiExportUrl, uploadIatiFile } from '../../lib/iatiApi';
import { useMe } from '../auth/useMe';
import { codedTitle } from '../portfolio/localizedTitle';
import { useLocale } from '../../i18n/useLocale';
import './iati.css';

const MAX_MB = IATI_IMPORT_MAX_BYTES / 1024 / 1024;

/** IATI: export links (all programs or one; XML and CSV) and the upload of a file to import. */
export function IatiPage() {
  const { t } = useTranslation();
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
  const locale = useLocale();
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
    <div className="page iati-page">
      <h1>{t('iati.title')}</h1>
      <p>{t('iati.intro')}</p>
      <section aria-labelledby="iati-export-heading">
        <h2 id="iati-export-heading">{t('iati.export.heading')}</h2>
        {exportError?.status === 409 ? (
          <div role="alert" className="form-alert iati-warning">
            <p>{t('iati.export.noPublisher')}</p>
            {abilities?.administer ? (
              <p>
                <Link to="/admin/organizations">{t('iati.export.setIdentifier')}</Link>
              </p>
            ) : (
              <p>{t('iati.export.askAdmin')}</p>
            )}
          </div>
        ) : (
          <>
            <ul className="iati-list">
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
            <div className="iati-program-export">
              <label htmlFor={programSelectId} className="iati-field-label">
                {t('iati.export.program')}
              </label>
              <select
                id={programSelectId}
                className="iati-select"
                value={programId}
                onChange={(e) => setProgramId(e.target.value)}
              >
                <option value="">{t('iati.export.chooseProgram')}</option>
                {(programs.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {codedTitle(p, locale)}
                  </option>
                ))}
              </select>
              {programId ? (
                <ul className="iati-list">
                  <li>
                    <a href={iatiExportUrl('xml', programId)} download>
                      {t('iati.export.oneXml')}
                    </a>
                  </li>
                  <li>
                    <a href={iatiExportUrl('csv', programId)} download>
                      {t('iati.export.oneCsv')}
                    </a>
                  </li>
                </ul>
              ) : (
                <p className="muted">{t('iati.export.programHelp')}</p>
              )}
            </div>
          </>
        )}
      </section>
      {abilities?.importIati ? (
        <section aria-labelledby="iati-import-heading">
          <h2 id="iati-import-heading">{t('iati.upload.heading')}</h2>
          <p>{t('iati.upload.help', { max: MAX_MB })}</p>
          <form className="iati-upload" onSubmit={(e) => void onUpload(e)} noValidate>
            <label htmlFor={fileId} className="iati-field-label">
              {t('iati.upload.fileLabel')}
            </label>
            <div className="iati-file">
              <input
                id={fileId}
                className="iati-file__input"
                type="file"
                accept=".xml,application/xml,text/xml"
                aria-describedby={uploadError ? `${fileId}-error` : undefined}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setUploadError(null);
                }}
              />
              {/* The browser's own button speaks the browser's language; this one the page's. */}
              <span className="button button--secondary iati-file__button" aria-hidden="true">
                {t('iati.upload.chooseButton')}
              </span>
              <span className="iati-file__name" aria-hidden="true">
                {file ? file.name : t('iati.upload.noFile')}
              </span>
            </div>
            <div>
              <button type="submit" className="button" disabled={progress !== null}>
                {t('iati.upload.submit')}
              </button>
            </div>
            {progress !== null ? (
              <p role="status" className="iati-progress">
                <label htmlFor={`${fileId}-progress`}>
                  {progress >= 1
                    ? t('iati.upload.reading')
                    : t('iati.upload.progressPercent', {
                        percent: new Intl.NumberFormat(locale, { style: 'percent' }).format(
                          progress,
                        ),
                      })}
                </label>{' '}
                <progress id={`${fileId}-progress`} max={1} value={progress} />
              </p>
            ) : null}
            {uploadError ? (
              <p id={`${fileId}-error`} role="alert" className="form-alert form-alert--error">
                {uploadError}
              </p>
            ) : null}
          </form>
        </section>
      ) : null}
    </div>
  );
}
