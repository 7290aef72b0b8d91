import { useEffect, type MouseEvent } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AccountLinks } from '../features/auth/components/AccountLinks';
import { AccountName } from '../features/auth/components/AccountName';
import { LiveStatus } from '../features/live/LiveStatus';
import { Inbox } from '../features/notifications/Inbox';
import { useDisclosure } from '../hooks/useDisclosure';
import type { Me } from '../lib/accountApi';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { PrimaryNav } from './PrimaryNav';

/**
 * The narrow-screen header: the brand, the inbox (its count always in sight) and a "Menu" disclosure button whose panel holds the
 * navigation, who is online, the person's own links and the language switch. Escape closes it
 * and returns focus to the button; a press outside it or any navigation closes it too.
 */
export function SiteMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { open, close, toggle, panelId, rootRef, buttonRef, onKeyDown } = useDisclosure();
  const { key } = useLocation();
  // Every navigation closes it (a link inside, Back, signing out), so it never hides a new page.
  useEffect(() => close(), [key, close]);
  const onPanelClick = (event: MouseEvent) => {
    // Following a link to the page already shown is no navigation; close all the same.
    if ((event.target as HTMLElement).closest('a')) close();
  };
  return (
    <div className="site-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <div className="site-header__bar">
        <Brand compact />
        <Inbox />
        <button
          ref={buttonRef}
          type="button"
          className="site-menu__button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={toggle}
        >
          <span className="site-menu__icon" aria-hidden="true" />
          {t('app.menu')}
        </button>
      </div>
      <div id={panelId} className="site-menu__panel" hidden={!open} onClick={onPanelClick}>
        <PrimaryNav stacked />
        <LiveStatus />
        <div className="site-menu__account">
          <p className="site-menu__who">
            <AccountName me={me} />
          </p>
          <AccountLinks me={me} withAdministration={false} />
        </div>
        <LanguageSwitch />
      </div>
    </div>
  );
}
