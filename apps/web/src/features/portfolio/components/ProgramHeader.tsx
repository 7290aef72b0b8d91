import { useTranslation } from 'react-i18next';
import type { Program } from '@mesa/shared';
import { InferredMarker } from '../../../components/InferredMarker';
import { useLocale } from '../../../i18n/useLocale';
import { localizedTitle, otherLocale } from '../localizedTitle';

/** A program's code, title in the interface language and, smaller, its title in the other one. */
export function ProgramHeader({ program }: { program: Program }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const other = otherLocale(locale);
  return (
    <header className="page-header program-header">
      {program.code === null ? null : (
        <p className="eyebrow program-header__code">{program.code}</p>
      )}
      <h1>{localizedTitle(program, locale)}</h1>
      <p className="program-header__other">
        <span className="program-header__other-label">{t('program.titleInOther')}</span>{' '}
        <span lang={other}>{localizedTitle(program, other)}</span>
      </p>
      {program.confidence === 'inferred' ? (
        <p className="program-header__note">
          <InferredMarker label={t('marker.inferred')} hint={t('marker.programInferredHint')} />
          <span aria-hidden="true">{t('marker.programInferredHint')}</span>
        </p>
      ) : null}
    </header>
  );
}
