import type { Component, Program } from '@mesa/shared';

/** One component with the programs recorded under it. */
export interface ComponentGroup {
  /** The component. */
  component: Component;
  /** Its programs, coded ones first by code, then uncoded ones by English title. */
  programs: Program[];
}

function compareForPortfolio(a: Program, b: Program): number {
  // Uncoded programs go last: their code is unknown, not smaller than any other.
  if (a.code !== null && b.code !== null) return a.code.localeCompare(b.code);
  if (a.code !== null) return -1;
  if (b.code !== null) return 1;
  return a.titleEn.localeCompare(b.titleEn);
}

/** Groups programs under their components, in component order; every component appears. */
export function groupProgramsByComponent(
  components: readonly Component[],
  programs: readonly Program[],
): ComponentGroup[] {
  return [...components]
    .sort((a, b) => a.position - b.position)
    .map((component) => ({
      component,
      programs: programs
        .filter((program) => program.componentId === component.id)
        .sort(compareForPortfolio),
    }));
}

/** How many programs are recorded and how many of them are flagged priority. */
export function countPrograms(programs: readonly Program[]): {
  recorded: number;
  priority: number;
} {
  return {
    recorded: programs.length,
    priority: programs.filter((program) => program.priority).length,
  };
}
