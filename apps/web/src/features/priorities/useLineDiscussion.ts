import { useSearchParams } from 'react-router';
import type { RoundLine } from './roundLine';

/**
 * Which line's discussion is open, kept in the address (`?discuss=<programId>[&thread=<id>]`,
 * the form a notification's link takes) and looked up among the lines shown: the board's rows,
 * or the candidates while the board is hidden.
 */
export function useLineDiscussion(lines: readonly RoundLine[] | undefined) {
  const [params, setParams] = useSearchParams();
  const discussed = lines?.find((l) => l.programId === params.get('discuss')) ?? null;
  const discuss = (line: RoundLine | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('thread');
        if (line) next.set('discuss', line.programId);
        else next.delete('discuss');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  return { discussed, threadId: params.get('thread'), discuss };
}
