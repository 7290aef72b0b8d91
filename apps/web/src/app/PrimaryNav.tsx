import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/useMe';
import { visibleNavItems } from './navItems';
import { PrimaryNavLink } from './PrimaryNavLink';

/**
 * The sections of the workspace, as the signed-in person's abilities allow (Administration only
 * with `administer`); signed out there is none to go to (sign-in is the way in). `stacked` lists
 * them one under the other, for the narrow-screen menu.
 */
export function PrimaryNav({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  return (
    <nav
      className={stacked ? 'primary-nav primary-nav--stacked' : 'primary-nav'}
      aria-label={t('app.primaryNav')}
    >
      <ul className="primary-nav__list">
        {visibleNavItems(me.data.abilities).map((item) => (
          <li key={item.to}>
            <PrimaryNavLink item={item} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
