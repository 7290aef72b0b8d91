/** Headline facts of the strategy that the portfolio shows beside what is recorded. */
export const StrategyFacts = {
  /** Programs presented at the June 2011 Guatemala conference. */
  programCount: 22,
  /** Programs the Security Commission selected for priority execution (Nov 2011). */
  priorityProgramCount: 8,
} as const;
