import { useTranslation } from 'react-i18next';

/** One person in a list of who is present. */
export interface ListedPerson {
  /** Stable key (a person or an editor tab). */
  key: string;
  name: string;
  /** The signed-in person, marked as "you". */
  self: boolean;
  /** Their caret colour, shown as a dot, where the list is about a document. */
  color?: string;
}

/** The people of one organization. */
export interface PresenceGroup {
  key: string;
  /** The organization's name; empty while it is not known yet. */
  name: string;
  people: ListedPerson[];
}

/** Props of PresenceList. */
export interface PresenceListProps {
  /** Organizations in the order to show, each with its people. */
  groups: PresenceGroup[];
  /** Id of the element naming the list. */
  labelledBy: string;
  /** What to say when nobody is there. */
  emptyText: string;
}

/**
 * Who is present, grouped by organization: one list of organizations, each with its people
 * (a colour dot where given, "you" for the signed-in person). "Online now" in the header and
 * "In the plan now" beside the editor both show it.
 */
export function PresenceList({ groups, labelledBy, emptyText }: PresenceListProps) {
  const { t } = useTranslation();
  if (groups.length === 0) return <p className="presence-list__empty">{emptyText}</p>;
  return (
    <ul className="presence-list" aria-labelledby={labelledBy}>
      {groups.map((group) => (
        <li key={group.key} className="presence-list__organization">
          {group.name ? (
            <span className="presence-list__organization-name">{group.name}</span>
          ) : null}
          <ul className="presence-list__people" aria-label={group.name || undefined}>
            {group.people.map((person) => (
              <li key={person.key} className="presence-list__person">
                {person.color !== undefined ? (
                  <span
                    className="presence-list__dot"
                    style={{ backgroundColor: person.color || undefined }}
                    aria-hidden="true"
                  />
                ) : null}
                <span className="presence-list__name">{person.name}</span>
                {person.self ? (
                  <span className="presence-list__you"> ({t('common.you')})</span>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
