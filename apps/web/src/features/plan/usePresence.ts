import { useEffect, useState } from 'react';
import type { CollabSession } from '../../lib/collab';
import { presentPeople, type Present } from './presence';

/** Who is in the plan now, kept current from the session's awareness. */
export function usePresence(session: CollabSession): Present[] {
  const { awareness } = session.provider;
  const read = () => presentPeople(awareness.getStates(), awareness.clientID);
  const [people, setPeople] = useState<Present[]>(read);
  useEffect(() => {
    const onChange = () => setPeople(presentPeople(awareness.getStates(), awareness.clientID));
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  return people;
}
