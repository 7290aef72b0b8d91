/** An entry of the primary navigation. */
export interface NavItem {
  /** Where the entry leads. */
  to: string;
  /** Catalogue key of its label. */
  labelKey: 'nav.portfolio';
  /** Path prefixes of the other pages that belong to the entry's section. */
  section: readonly string[];
}

/** The primary navigation; meetings, commitments and search join this list as they arrive. */
export const navItems: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.portfolio', section: ['/programs/'] },
];
