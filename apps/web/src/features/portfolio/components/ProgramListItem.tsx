import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Program } from '@mesa/shared';
import { useLocale } from '../../../i18n/useLocale';
import { localizedTitle } from '../localizedTitle';
import { ProgramMarkers } from './ProgramMarkers';

function ProgramName({ program }: { program: Program }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {program.code === null ? (
        <span className="program-row__code program-row__code--missing">
          {t('portfolio.noCode')}
        </span>
      ) : (
        <span className="program-row__code">{program.code}</span>
      )}
      <span className="program-row__title">{localizedTitle(program, locale)}</span>
    </>
  );
}

/**
 * One program in a component's list: code, title and markers. The title links to the program
 * only when the person may read it; otherwise it says why, so no one clicks into a 403.
 */
export function ProgramListItem({ program }: { program: Program }) {
  const { t } = useTranslation();
  return (
    <li className="program-row">
      {program.abilities.read ? (
        <Link className="program-row__link" to={`/programs/${encodeURIComponent(program.id)}`}>
          <ProgramName program={program} />
        </Link>
      ) : (
        <div className="program-row__link program-row__link--locked">
          <ProgramName program={program} />
          <span className="program-row__locked">{t('programEdit.noAccess')}</span>
        </div>
      )}
      <span className="program-row__markers">
        <ProgramMarkers program={program} />
      </span>
    </li>
  );
}
