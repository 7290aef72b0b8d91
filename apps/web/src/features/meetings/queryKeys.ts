/** TanStack Query keys of meetings, in one place so live invalidation and pages agree. */
export const meetingKeys = {
  /** Every meeting list (prefix). */
  lists: ['meetings', 'list'] as const,
  /** The whole list. */
  list: () => ['meetings', 'list', 'all'] as const,
  /** One meeting and everything under it (prefix of the keys below). */
  meeting: (id: string) => ['meetings', 'one', id] as const,
  /** Its decisions and action items. */
  records: (id: string) => ['meetings', 'one', id, 'records'] as const,
  /** The review item's open action items. */
  review: (id: string) => ['meetings', 'one', id, 'review'] as const,
  /** People who may be named co-chair or rapporteur. */
  people: (id: string) => ['meetings', 'one', id, 'people'] as const,
  /** A new meeting's choices for some programs. */
  options: (programIds: readonly string[]) =>
    ['meetings', 'options', [...programIds].sort().join(',')] as const,
  /** A program's meetings' records. */
  programRecords: (programId: string) => ['meetings', 'program', programId] as const,
  /** The person's calendar feed. */
  calendarFeed: ['meetings', 'calendar-feed'] as const,
};
