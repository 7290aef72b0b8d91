/** TanStack Query keys of the administration pages. */
export const adminKeys = {
  /** Every person of the workspace. */
  people: ['users'] as const,
  /** Pending invitations. */
  invitations: ['invitations'] as const,
  /** What the person may choose when inviting (not under `invitations`: creating one keeps it). */
  invitationOptions: ['invitation-options'] as const,
  /** A program's coordinators. */
  coordinators: (programId: string) => ['programs', programId, 'coordinators'] as const,
  /** A program's organizations and their relations. */
  relations: (programId: string) => ['programs', programId, 'organizations'] as const,
};
