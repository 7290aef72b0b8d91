import { useTranslation } from 'react-i18next';
import type { Presence } from '@mesa/shared';

/** Props of PresenceList. */
export interface PresenceListProps {
  /** Who is online, by organization. */
  presence: Presence;
  /** The signed-in person, marked as "you". */
  selfId: string | undefined;
  /** Id of the element naming the list. */
  labelledBy: string;
}

/** People online grouped by organization: one list of organizations, each with its people. */
export function PresenceList({ presence, selfId, labelledBy }: PresenceListProps) {
  const { t } = useTranslation();
  if (presence.organizations.length === 0) {
    return <p className="presence-list__empty">{t('live.onlineEmpty')}</p>;
  }
  return (
    <ul className="presence-list" aria-labelledby={labelledBy}>
      {presence.organizations.map((organization) => (
        <li key={organization.id} className="presence-list__organization">
          <span className="presence-list__organization-name">{organization.name}</span>
          <ul className="presence-list__people" aria-label={organization.name}>
            {organization.people.map((person) => (
              <li key={person.id}>
                {person.name}
                {person.id === selfId ? (
                  <span className="presence-list__you"> ({t('live.you')})</span>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
