/** TanStack Query keys of the signed-in person, in one place so sign-in and sign-out agree. */
export const authKeys = {
  /** The signed-in person and their workspace abilities. */
  me: ['me'] as const,
  /** The signed-in person's sessions. */
  sessions: ['me', 'sessions'] as const,
};

/** Keys of the one-time link checks: public, the same whoever asks, and dead once used. */
export const linkKeys = {
  all: ['link'] as const,
  setup: (token: string) => ['link', 'setup', token] as const,
  invitation: (token: string) => ['link', 'invitation', token] as const,
};
