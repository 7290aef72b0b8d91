import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Presence } from '@mesa/shared';
import './presence.css';
import { countOnline, usePresence } from './usePresence';
import { PresenceList, type PresenceGroup } from '../../components/PresenceList';
import { useDisclosure } from '../../hooks/useDisclosure';
import { useLocale } from '../../i18n/useLocale';
import { sortByName } from '../../lib/names';
import { LiveStates } from '../../lib/socket';
import { useLiveState } from '../live/useLiveState';

/** Props of OnlineNow. */
export interface OnlineNowProps {
  /** The signed-in person, marked as "you" in the list. */
  selfId: string | undefined;
}

/** The organizations online, named and ordered in the reader's language. */
function groupsOf(presence: Presence, selfId: string | undefined, locale: Locale): PresenceGroup[] {
  return sortByName(presence.organizations, locale).map((organization) => ({
    key: organization.id,
    name: organization.name[locale],
    people: organization.people.map((p) => ({ key: p.id, name: p.name, self: p.id === selfId })),
  }));
}

/**
 * "Online now" in the header: a button with the number of people online that discloses who
 * they are, grouped by organization. Escape or a click elsewhere closes it; Escape returns focus
 * to the button. While the connection is down the last known list stays, marked as such.
 */
export function OnlineNow({ selfId }: OnlineNowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const presence = usePresence();
  const state = useLiveState();
  const { open, toggle, panelId, rootRef, buttonRef, onKeyDown } = useDisclosure();
  const titleId = useId();
  const count = presence.data ? countOnline(presence.data) : null;
  // Kept while reconnecting, but nobody can tell who came or went meanwhile.
  const stale = presence.data !== undefined && state !== LiveStates.live;
  return (
    <div className="online-now" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="online-now__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        {t('live.onlineNow')}
        <span
          className={stale ? 'online-now__count online-now__count--stale' : 'online-now__count'}
        >
          {count ?? '–'}
        </span>
        {stale ? <span className="visually-hidden">{t('live.onlineStaleShort')}</span> : null}
      </button>
      <div id={panelId} className="online-now__panel" hidden={!open}>
        <p id={titleId} className="online-now__title">
          {t('live.onlineListLabel')}
        </p>
        {stale ? <p className="online-now__stale">{t('live.onlineStale')}</p> : null}
        {presence.data ? (
          <PresenceList
            groups={groupsOf(presence.data, selfId, locale)}
            labelledBy={titleId}
            emptyText={t('live.onlineEmpty')}
          />
        ) : (
          <p className="presence-list__empty">{t('live.onlineLoading')}</p>
        )}
      </div>
    </div>
  );
}
