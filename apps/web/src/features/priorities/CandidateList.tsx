import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import { useLocale } from '../../i18n/useLocale';
import { localizedTitle } from '../portfolio/localizedTitle';
import type { RoundLine } from './roundLine';

/** Props of CandidateList. */
export interface CandidateListProps {
  lines: readonly RoundLine[];
  /** The line's discussion control. */
  renderThread: (line: RoundLine) => ReactNode;
}

/**
 * The round's candidate programs while its results are hidden: code, title and priority mark,
 * each with its discussion — and nothing about scores or ballots, which stay hidden.
 */
export function CandidateList({ lines, renderThread }: CandidateListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="candidates">
      <h3 id="candidates-title">{t('priorities.candidates.title')}</h3>
      <p>{t('priorities.candidates.intro')}</p>
      <ul className="candidates__list" aria-labelledby="candidates-title">
        {lines.map((line) => (
          <li key={line.programId} className="candidates__item" data-program-id={line.programId}>
            <span className="candidates__name">
              {line.code ? <span className="board-table__code">{line.code}</span> : null}{' '}
              {localizedTitle(line, locale)}{' '}
              {line.priority ? (
                <Badge tone="priority">{t('priorities.board.priority')}</Badge>
              ) : null}
            </span>
            {renderThread(line)}
          </li>
        ))}
      </ul>
    </div>
  );
}
