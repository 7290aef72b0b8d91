/** TanStack Query keys of the funding pages; `all` covers every one of them. */
export const fundingKeys = {
  all: ['funding'] as const,
  currencies: ['funding', 'currencies'] as const,
  programFunding: (programId: string) => ['funding', 'program', programId, 'summary'] as const,
  programRecords: (programId: string) => ['funding', 'program', programId, 'records'] as const,
  strategyWideRecords: ['funding', 'strategy-wide', 'records'] as const,
  record: (id: string) => ['funding', 'record', id] as const,
  history: (id: string) => ['funding', 'record', id, 'history'] as const,
  rates: ['funding', 'rates'] as const,
};
