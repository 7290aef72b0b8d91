import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { lineName, type RoundLine } from './roundLine';

/** Props of DiscussButton. */
export interface DiscussButtonProps {
  line: RoundLine;
  /** Whether this line's discussion is the one open. */
  expanded: boolean;
  onDiscuss: (line: RoundLine) => void;
}

/**
 * The "Discuss" control of a program's line, on the board and in the candidates list alike:
 * it opens the line's discussion (`#board-discussion`) and names the program to screen readers.
 */
export function DiscussButton({ line, expanded, onDiscuss }: DiscussButtonProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-expanded={expanded}
      aria-controls="board-discussion"
      onClick={() => onDiscuss(line)}
    >
      {t('priorities.board.discuss')}
      <span className="visually-hidden"> {lineName(line, locale)}</span>
    </button>
  );
}
