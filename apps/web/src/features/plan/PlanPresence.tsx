import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PresenceList } from '../../components/PresenceList';
import { groupPresent, type Present } from './presence';

/** Props of PlanPresence. */
export interface PlanPresenceProps {
  /** People in the plan now, this tab first. */
  people: Present[];
  /** This person's organization name (the server stamps it on everyone else's entry). */
  ownOrganization?: string;
  /** The list's title and empty text (the plan's by default; the minutes name their own). */
  labels?: { title: string; empty: string };
}

/** Who is in the plan now, by organization, each with their caret's colour. */
export function PlanPresence({ people, ownOrganization, labels }: PlanPresenceProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="presence" aria-labelledby={titleId}>
      <h3 id={titleId} className="presence__title">
        {labels?.title ?? t('plan.presence.title')}{' '}
        <span className="presence__count">
          ({t('plan.presence.count', { count: people.length })})
        </span>
      </h3>
      <PresenceList
        groups={groupPresent(people, ownOrganization)}
        labelledBy={titleId}
        emptyText={labels?.empty ?? t('plan.presence.empty')}
      />
    </section>
  );
}
