import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';

/** Props of MentionList. */
export interface MentionListProps {
  /** The listbox's id (the text field's aria-controls). */
  id: string;
  /** The suggestions. */
  people: readonly PersonRef[];
  /** Index of the active suggestion. */
  active: number;
  /** A suggestion was clicked. */
  onChoose: (person: PersonRef) => void;
}

/** The id of one suggestion (the text field's aria-activedescendant). */
export function optionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

/** The people one may mention, by name and organization; focus stays in the text field. */
export function MentionList({ id, people, active, onChoose }: MentionListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul id={id} role="listbox" className="mention-list" aria-label={t('threads.mentionList')}>
      {people.map((person, index) => (
        <li
          key={person.id}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === active}
          className="mention-list__option"
          // Keep focus (and the caret) in the text field.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(person)}
        >
          <span className="mention-list__name">{person.name}</span>{' '}
          <span className="mention-list__org">{person.organizationName[locale]}</span>
        </li>
      ))}
    </ul>
  );
}
