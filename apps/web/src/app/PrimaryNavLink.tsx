import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NavItem } from './navItems';

function ariaCurrent(pathname: string, item: NavItem): 'page' | 'true' | undefined {
  if (pathname === item.to) return 'page';
  // A program page belongs to the portfolio: say so without claiming it is the portfolio page.
  if (item.section.some((prefix) => pathname.startsWith(prefix))) return 'true';
  return undefined;
}

/** A navigation link, marked current on its page and highlighted anywhere in its section. */
export function PrimaryNavLink({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Link to={item.to} className="primary-nav__link" aria-current={ariaCurrent(pathname, item)}>
      {t(item.labelKey)}
    </Link>
  );
}
