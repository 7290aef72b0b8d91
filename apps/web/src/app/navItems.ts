import type { WorkspaceAbilities } from '@mesa/shared';

/** A workspace ability that decides whether an entry is shown (as the server's reply says). */
export type NavAbility = keyof WorkspaceAbilities;

/** An entry of the primary navigation. */
export interface NavItem {
  /** Where the entry leads. */
  to: string;
  /** Catalogue key of its label. */
  labelKey: 'nav.portfolio' | 'nav.priorities' | 'nav.meetings' | 'nav.funding' | 'nav.admin';
  /** Path prefixes of the other pages that belong to the entry's section. */
  section: readonly string[];
  /** Shown only to people whose workspace abilities include this one; everyone otherwise. */
  ability?: NavAbility;
}

/** The primary navigation; search joins this list when it arrives. */
export const navItems: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.portfolio', section: ['/programs/'] },
  { to: '/priorities', labelKey: 'nav.priorities', section: ['/priorities/'] },
  { to: '/meetings', labelKey: 'nav.meetings', section: ['/meetings/'] },
  { to: '/funding', labelKey: 'nav.funding', section: ['/funding/'] },
  { to: '/admin', labelKey: 'nav.admin', section: ['/admin/'], ability: 'administer' },
];

/** The entries a person sees: those without an ability, and those whose ability they have. */
export function visibleNavItems(abilities: WorkspaceAbilities): NavItem[] {
  return navItems.filter((item) => item.ability === undefined || abilities[item.ability]);
}
