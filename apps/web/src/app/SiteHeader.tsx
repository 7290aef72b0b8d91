import { useMe } from '../features/auth/useMe';
import { LiveConnection } from '../features/live/LiveConnection';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { Brand } from './Brand';
import { HeaderStatus } from './HeaderStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { PrimaryNav } from './PrimaryNav';
import { SiteMenu } from './SiteMenu';

/**
 * Below this width (phones, and laptops zoomed to 200 %) the signed-in header folds into a Menu
 * button: laid out flat it took ~280 px of a 390 px phone. Tablets (768) keep the flat header.
 */
export const COMPACT_HEADER_QUERY = '(max-width: 767px)';

/** The flat header: brand, live status, account and language, then the navigation. */
function FlatHeader({ compact }: { compact: boolean }) {
  return (
    <>
      <div className="site-header__bar">
        <Brand compact={compact} />
        <div className="site-header__tools">
          <HeaderStatus />
          <LanguageSwitch />
        </div>
      </div>
      <PrimaryNav />
    </>
  );
}

/**
 * The header of every page. Signed out on a narrow screen it stays flat (brand and language
 * fit on one line, and the language is what a visitor needs first); signed in it folds.
 */
export function SiteHeader() {
  const me = useMe();
  const compact = useMediaQuery(COMPACT_HEADER_QUERY);
  return (
    <header className={compact ? 'site-header site-header--compact' : 'site-header'}>
      <LiveConnection />
      {compact && me.data ? <SiteMenu me={me.data} /> : <FlatHeader compact={compact} />}
    </header>
  );
}
