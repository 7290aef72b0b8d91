import type { QueryClient } from '@tanstack/react-query';
import type { Program, ProgramChanged } from '@mesa/shared';
import { portfolioKeys } from '../portfolio/queryKeys';

/**
 * A cached program with a `program.changed` applied: the details when the event carries them
 * (program room), else the portfolio fields. The viewer's abilities are kept: events never carry
 * them, they change only with `access.changed`.
 */
export function mergeProgramChange(program: Program, change: ProgramChanged): Program {
  const fields = change.details ?? change.summary;
  return { ...program, ...fields, abilities: program.abilities };
}

/** The portfolio list with the changed program merged in place; the same list when it is absent. */
export function mergeIntoPrograms(programs: Program[], change: ProgramChanged): Program[] {
  if (!programs.some((program) => program.id === change.programId)) return programs;
  return programs.map((program) =>
    program.id === change.programId ? mergeProgramChange(program, change) : program,
  );
}

/**
 * Applies a `program.changed` to the query cache without refetching what it can merge: the
 * portfolio list and the program's own entry. A program the list does not hold yet (just
 * created, or newly visible) has no abilities to show, so only then is the list refetched.
 */
export function applyProgramChange(queryClient: QueryClient, change: ProgramChanged): void {
  const list = queryClient.getQueryData<Program[]>(portfolioKeys.programs);
  if (list && !list.some((program) => program.id === change.programId)) {
    void queryClient.invalidateQueries({ queryKey: portfolioKeys.programs, exact: true });
  } else if (list) {
    queryClient.setQueryData<Program[]>(portfolioKeys.programs, mergeIntoPrograms(list, change));
  }
  const one = queryClient.getQueryData<Program>(portfolioKeys.program(change.programId));
  if (one) {
    queryClient.setQueryData(
      portfolioKeys.program(change.programId),
      mergeProgramChange(one, change),
    );
  }
}
