/**
 * TanStack Query keys the live layer reads or refreshes. `me` is the same key the auth feature
 * uses for the signed-in person, so both share one cached reply.
 */
export const liveKeys = {
  /** The signed-in person (`GET /api/me`). */
  me: ['me'] as const,
};
