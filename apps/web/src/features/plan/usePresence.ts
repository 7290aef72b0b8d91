import { useEffect, useState } from 'react';
import { useLocale } from '../../i18n/useLocale';
import type { CollabSession } from '../../lib/collab';
import { presentPeople, type Present } from './presence';

/** Who is in the plan now, kept current from the session's awareness, in the reader's language. */
export function usePresence(session: CollabSession): Present[] {
  const { awareness } = session.provider;
  const locale = useLocale();
  const read = () => presentPeople(awareness.getStates(), awareness.clientID, locale);
  const [people, setPeople] = useState<Present[]>(read);
  useEffect(() => {
    const onChange = () =>
      setPeople(presentPeople(awareness.getStates(), awareness.clientID, locale));
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness, locale]);
  return people;
}
