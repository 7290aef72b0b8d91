import { describe, expect, it } from 'vitest';
import { makeComponents, makeProgram } from '../../test/fixtures';
import { countPrograms, groupProgramsByComponent } from './groupPrograms';

describe('groupProgramsByComponent', () => {
  it('lists every component in position order, with empty ones kept', () => {
    const components = makeComponents().reverse();
    const groups = groupProgramsByComponent(components, [makeProgram({ componentId: 'B' })]);
    expect(groups.map((group) => group.component.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(groups.map((group) => group.programs.length)).toEqual([0, 1, 0, 0]);
  });

  it('orders coded programs by code and puts uncoded ones last', () => {
    const programs = [
      makeProgram({ id: 'x', code: null, titleEn: 'Border security' }),
      makeProgram({ id: 'b', code: 'BB1' }),
      makeProgram({ id: 'a', code: 'BA1' }),
    ];
    const [, groupB] = groupProgramsByComponent(makeComponents(), programs);
    expect(groupB?.programs.map((program) => program.id)).toEqual(['a', 'b', 'x']);
  });
});

describe('countPrograms', () => {
  it('counts recorded and priority programs', () => {
    const programs = [makeProgram(), makeProgram({ id: 'p2', priority: true })];
    expect(countPrograms(programs)).toEqual({ recorded: 2, priority: 1 });
  });
});
