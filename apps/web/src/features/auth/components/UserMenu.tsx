import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale';
import type { Me } from '../../../lib/accountApi';
import { useDisclosure } from '../../../hooks/useDisclosure';
import { AccountLinks } from './AccountLinks';
import { AccountName, useOwnOrganization } from './AccountName';

/** The signed-in person in the header: name, organization and role, opening their menu. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { open, close, toggle, panelId: menuId, rootRef, buttonRef, onKeyDown } = useDisclosure();
  const organization = useOwnOrganization(me);
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
        <AccountName me={me} />
        <span className="visually-hidden">{t('auth.menu.open')}</span>
      </button>
      {/* Following a link closes the menu, so it never hangs over the page it opened. */}
      <div id={menuId} className="user-menu__panel" hidden={!open} onClick={onPanelClick}>
        <p className="user-menu__who">
          <span>{me.user.email}</span>
          {organization ? <span>{organization.name[locale]}</span> : null}
        </p>
        <AccountLinks me={me} />
      </div>
    </div>
  );
}
