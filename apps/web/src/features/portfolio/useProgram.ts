import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Program } from '@mesa/shared';
import { fetchProgram } from '../../lib/api';
import { portfolioKeys } from './queryKeys';

/** One program; shows the portfolio's copy at once while the full reply loads. */
export function useProgram(id: string) {
  const queryClient = useQueryClient();
  return useQuery<Program, Error, Program, ReturnType<typeof portfolioKeys.program>>({
    queryKey: portfolioKeys.program(id),
    queryFn: ({ signal }) => fetchProgram(id, signal),
    placeholderData: () =>
      queryClient
        .getQueryData<Program[]>(portfolioKeys.programs)
        ?.find((program) => program.id === id),
  });
}
