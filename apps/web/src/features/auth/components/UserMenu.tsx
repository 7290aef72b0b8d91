import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale';
import type { Me } from '../../../lib/accountApi';
import { useOrganizations } from '../../portfolio/useOrganizations';
import { useSignOut } from '../useSignOut';
import { useDisclosure } from '../../../hooks/useDisclosure';

/** The signed-in person in the header: name, organization and role, opening their menu. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { open, close, toggle, panelId: menuId, rootRef, buttonRef, onKeyDown } = useDisclosure();
  const organizations = useOrganizations();
  const signOut = useSignOut();
  const organization = organizations.data?.find((org) => org.id === me.user.organizationId);
  const onPanelClick = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('a')) close();
  };

  return (
    <div className="user-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={toggle}
      >
        <span className="user-menu__name">{me.user.name}</span>
        <span className="user-menu__meta">
          {organization?.shortName[locale] ?? ''}
          {organization ? ' · ' : ''}
          {t(`auth.roles.${me.user.role}`)}
        </span>
        <span className="visually-hidden">{t('auth.menu.open')}</span>
      </button>
      {/* Following a link closes the menu, so it never hangs over the page it opened. */}
      <div id={menuId} className="user-menu__panel" hidden={!open} onClick={onPanelClick}>
        <p className="user-menu__who">
          <span>{me.user.email}</span>
          {organization ? <span>{organization.name[locale]}</span> : null}
        </p>
        <ul className="user-menu__list">
          <li>
            <Link to="/profile">{t('auth.menu.profile')}</Link>
          </li>
          {me.abilities.administer ? (
            <li>
              <Link to="/admin">{t('auth.menu.admin')}</Link>
            </li>
          ) : null}
          {me.abilities.invite && !me.abilities.administer ? (
            <li>
              <Link to="/invite-people">{t('auth.menu.invite')}</Link>
            </li>
          ) : null}
          <li>
            <button
              type="button"
              className="user-menu__signout"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t('auth.menu.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
