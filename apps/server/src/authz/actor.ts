import type { LocalizedText, OrganizationKind, Role, Locale } from '@mesa/shared';

/** The signed-in person behind a request or connection; identity always comes from here. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  /** Their organization's name in each language (presence and carets show the reader's). */
  organizationName: LocalizedText;
  locale: Locale;
  timeZone: string;
}
