import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Program, ProgramChanged } from '@mesa/shared';
import { makeAbilities, makeProgram } from '../../test/fixtures';
import { portfolioKeys } from '../portfolio/queryKeys';
import { applyProgramChange, mergeIntoPrograms, mergeProgramChange } from './programCache';

function summaryChange(program: Program, overrides: Partial<Program> = {}): ProgramChanged {
  const { id, code, titleEn, titleEs, componentId, priority, status } = {
    ...program,
    ...overrides,
  };
  return {
    programId: id,
    change: 'updated',
    summary: { id, code, titleEn, titleEs, componentId, priority, status },
  };
}

function detailsChange(program: Program, overrides: Partial<Program> = {}): ProgramChanged {
  const { abilities: _abilities, ...details } = { ...program, ...overrides };
  return { ...summaryChange(program, overrides), details };
}

describe('mergeProgramChange', () => {
  const program = makeProgram({ abilities: makeAbilities({ editDetails: true }) });

  it('takes the portfolio fields of a summary and keeps every other field and the abilities', () => {
    const merged = mergeProgramChange(
      program,
      summaryChange(program, { titleEn: 'Safer schools', status: 'approved', countries: ['GT'] }),
    );
    expect(merged).toEqual({ ...program, titleEn: 'Safer schools', status: 'approved' });
    expect(merged.abilities.editDetails).toBe(true);
  });

  it('takes every detail when the event carries them, still keeping the abilities', () => {
    const merged = mergeProgramChange(program, detailsChange(program, { countries: ['GT', 'SV'] }));
    expect(merged.countries).toEqual(['GT', 'SV']);
    expect(merged.abilities).toBe(program.abilities);
  });

  it('takes the new lead organizations when a relation changed, a removed lead included', () => {
    const led = { ...program, leadOrganizationIds: ['org-gt', 'org-es'] };
    const merged = mergeProgramChange(led, detailsChange(led, { leadOrganizationIds: ['org-es'] }));
    expect(merged.leadOrganizationIds).toEqual(['org-es']);
  });
});

describe('mergeIntoPrograms', () => {
  const one = makeProgram({ id: 'p-1', code: 'BA1' });
  const two = makeProgram({ id: 'p-2', code: 'BB1' });

  it('replaces only the changed program, in place', () => {
    const list = mergeIntoPrograms([one, two], summaryChange(two, { titleEs: 'Nuevo' }));
    expect(list.map((program) => program.titleEs)).toEqual([one.titleEs, 'Nuevo']);
    expect(list[0]).toBe(one);
  });

  it('returns the same list when the program is not in it', () => {
    const list = [one];
    expect(mergeIntoPrograms(list, summaryChange(two))).toBe(list);
  });
});

describe('applyProgramChange', () => {
  const program = makeProgram({ id: 'p-1' });

  it('merges into the cached portfolio and program without invalidating them', () => {
    const client = new QueryClient();
    client.setQueryData(portfolioKeys.programs, [program]);
    client.setQueryData(portfolioKeys.program('p-1'), program);
    applyProgramChange(client, detailsChange(program, { titleEn: 'Safer schools' }));
    expect(client.getQueryData<Program[]>(portfolioKeys.programs)?.[0]?.titleEn).toBe(
      'Safer schools',
    );
    expect(client.getQueryData<Program>(portfolioKeys.program('p-1'))?.titleEn).toBe(
      'Safer schools',
    );
    expect(client.getQueryState(portfolioKeys.programs)?.isInvalidated).toBe(false);
  });

  it('invalidates the portfolio for a program it does not hold (it has no abilities to show)', () => {
    const client = new QueryClient();
    client.setQueryData(portfolioKeys.programs, [program]);
    applyProgramChange(client, {
      ...summaryChange(makeProgram({ id: 'p-new' })),
      change: 'created',
    });
    expect(client.getQueryState(portfolioKeys.programs)?.isInvalidated).toBe(true);
    expect(client.getQueryData(portfolioKeys.program('p-new'))).toBeUndefined();
  });

  it('leaves an empty cache empty', () => {
    const client = new QueryClient();
    applyProgramChange(client, summaryChange(program));
    expect(client.getQueryData(portfolioKeys.programs)).toBeUndefined();
  });
});
