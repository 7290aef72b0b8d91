import { useTranslation } from 'react-i18next';
import type { Present } from './presence';

/** Props of PresenceList. */
export interface PresenceListProps {
  /** People in the plan now, this tab first. */
  people: Present[];
  /** This person's organization name (the server stamps it on everyone else's entry). */
  ownOrganization?: string;
}

/** Who is in the plan now: a colour dot, the name and the organization of each person. */
export function PresenceList({ people, ownOrganization }: PresenceListProps) {
  const { t } = useTranslation();
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h3 id="presence-heading" className="presence__title">
        {t('plan.presence.title')}{' '}
        <span className="presence__count">
          ({t('plan.presence.count', { count: people.length })})
        </span>
      </h3>
      <ul className="presence__list">
        {people.map((person) => {
          const organization = person.organization || (person.self ? ownOrganization : '');
          return (
            <li key={person.clientId} className="presence__person">
              <span
                className="presence__dot"
                style={{ backgroundColor: person.color || undefined }}
                aria-hidden="true"
              />
              <span className="presence__name">
                {person.self ? t('plan.presence.you', { name: person.name }) : person.name}
              </span>
              {organization ? <span className="presence__org">{organization}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
