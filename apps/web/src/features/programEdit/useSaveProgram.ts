import { useQueryClient } from '@tanstack/react-query';
import type { CreateProgramInput, Program } from '@mesa/shared';
import { createProgram, updateProgram } from '../../lib/adminApi';
import { portfolioKeys } from '../portfolio/queryKeys';

/** Saves a program (creates it without an id) and refreshes the portfolio's copies. */
export function useSaveProgram() {
  const queryClient = useQueryClient();
  return async (input: CreateProgramInput, id?: string): Promise<Program> => {
    const program = id === undefined ? await createProgram(input) : await updateProgram(id, input);
    queryClient.setQueryData(portfolioKeys.program(program.id), program);
    await queryClient.invalidateQueries({ queryKey: portfolioKeys.programs, exact: true });
    return program;
  };
}
