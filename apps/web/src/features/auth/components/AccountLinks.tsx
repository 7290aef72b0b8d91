import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../lib/accountApi';
import { useSignOut } from '../useSignOut';

/** Props of AccountLinks. */
export interface AccountLinksProps {
  /** The signed-in person; their abilities decide which links are offered. */
  me: Me;
  /** Whether to list Administration (the narrow-screen menu has it in its navigation). */
  withAdministration?: boolean;
}

/**
 * The signed-in person's own links: profile, administration or inviting people (as their
 * abilities say), and signing out. Shared by the account menu and the narrow-screen menu.
 */
export function AccountLinks({ me, withAdministration = true }: AccountLinksProps) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <ul className="user-menu__list">
      <li>
        <Link to="/profile">{t('auth.menu.profile')}</Link>
      </li>
      {me.abilities.administer && withAdministration ? (
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
  );
}
