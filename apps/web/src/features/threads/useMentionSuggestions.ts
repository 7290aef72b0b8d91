import { useDeferredValue, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { MENTION_SUGGESTIONS_MAX, type PersonRef, type ThreadSubject } from '@mesa/shared';
import { fetchMentionable } from '../../lib/threadsApi';
import { subjectKey } from './threadCache';
import type { MentionQuery } from './mentionQuery';

/** Characters typed after @ before anyone is suggested (the server asks for as many). */
export const MENTION_MIN_CHARS = 2;

/**
 * Suggestions for the mention being typed: people who may read the subject, at most eight,
 * once two characters follow the @. Arrows move, Enter (or Tab) chooses, Escape dismisses.
 */
export function useMentionSuggestions(
  subject: ThreadSubject,
  query: MentionQuery | null,
  onChoose: (person: PersonRef) => void,
) {
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const typed = useDeferredValue(query?.text ?? '');
  const wanted = query !== null && typed.length >= MENTION_MIN_CHARS && dismissed !== query.start;
  const found = useQuery({
    queryKey: ['mentionable', subjectKey(subject), typed],
    queryFn: ({ signal }) => fetchMentionable(subject, typed, signal),
    enabled: wanted,
    staleTime: 30_000,
  });
  const people = wanted ? (found.data ?? []).slice(0, MENTION_SUGGESTIONS_MAX) : [];
  const open = people.length > 0;
  const current = Math.min(active, Math.max(0, people.length - 1));

  const choose = (person: PersonRef) => {
    setActive(0);
    onChoose(person);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    const { key } = event;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      const delta = key === 'ArrowDown' ? 1 : -1;
      setActive((current + delta + people.length) % people.length);
    } else if ((key === 'Enter' || key === 'Tab') && !event.ctrlKey && !event.metaKey) {
      const person = people[current];
      if (person) choose(person);
    } else if (key === 'Escape') {
      setDismissed(query?.start ?? null);
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  return { open, people, active: current, choose, onKeyDown, setActive };
}
