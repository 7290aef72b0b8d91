import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import './admin.css';
import { LoadingState } from '../../components/LoadingState';
import { useMe } from '../auth/useMe';
import { Forbidden } from './components/Forbidden';

const sections = [
  { to: '/admin/organizations', key: 'admin.nav.organizations' },
  { to: '/admin/people', key: 'admin.nav.people' },
  { to: '/admin/invitations', key: 'admin.nav.invitations' },
  { to: '/admin/programs', key: 'admin.nav.programs' },
] as const;

/** `/admin/…`: the administration sections, only for people with `administer`; others get 403. */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <LoadingState label={t('common.loadingPage')} />;
  if (!me.data.abilities.administer) return <Forbidden />;
  return (
    <div className="page admin-page">
      <nav className="admin-nav" aria-label={t('admin.nav.label')}>
        <p className="eyebrow">{t('admin.title')}</p>
        <ul>
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} className="admin-nav__link">
                {t(section.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
