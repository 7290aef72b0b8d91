/** TanStack Query keys of the portfolio, in one place so invalidation and prefetching agree. */
export const portfolioKeys = {
  /** The four components. */
  components: ['components'] as const,
  /** Every recorded program. */
  programs: ['programs'] as const,
  /** One program by id. */
  program: (id: string) => ['programs', id] as const,
  /** Every organization. */
  organizations: ['organizations'] as const,
};
