/** Query keys of the inbox: the header's recent page, the full list, the preferences. */
export const notificationKeys = {
  all: ['notifications'] as const,
  recent: ['notifications', 'recent'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** How many notifications the header's panel shows; "See all" opens the rest. */
export const RECENT_LIMIT = 8;

/** How many the full page loads at a time. */
export const PAGE_LIMIT = 20;
