import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Program } from '@mesa/shared';
import { useLocale } from '../../../i18n/useLocale';
import { localizedTitle } from '../localizedTitle';
import { ProgramMarkers } from './ProgramMarkers';

/** One program in a component's list: code, title as a link to the program, and its markers. */
export function ProgramListItem({ program }: { program: Program }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="program-row">
      <Link className="program-row__link" to={`/programs/${encodeURIComponent(program.id)}`}>
        {program.code === null ? (
          <span className="program-row__code program-row__code--missing">
            {t('portfolio.noCode')}
          </span>
        ) : (
          <span className="program-row__code">{program.code}</span>
        )}
        <span className="program-row__title">{localizedTitle(program, locale)}</span>
      </Link>
      <span className="program-row__markers">
        <ProgramMarkers program={program} />
      </span>
    </li>
  );
}
