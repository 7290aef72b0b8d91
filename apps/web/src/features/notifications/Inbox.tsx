import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useDisclosure } from '../../hooks/useDisclosure';
import './notifications.css';
import { InboxPanel } from './InboxPanel';
import { useRecentNotifications } from './useInbox';

/**
 * The header's inbox: a "Notifications" button whose accessible name carries the unread count
 * ("Notifications, 3 unread"; the badge shows the number), opening the panel. A rise of the
 * count is announced politely; new notifications arrive live (LiveConnection merges them).
 */
export function Inbox() {
  const { t } = useTranslation();
  const { open, close, toggle, panelId, rootRef, buttonRef, onKeyDown } = useDisclosure();
  const recent = useRecentNotifications();
  const unread = recent.data?.unreadCount ?? 0;
  const announcement = useRiseAnnouncement(unread);
  const { key } = useLocation();
  useEffect(() => close(), [key, close]);
  const onPanelClick = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('a')) close();
  };
  return (
    <div className="inbox" ref={rootRef} onKeyDown={onKeyDown} onClick={onPanelClick}>
      <button
        ref={buttonRef}
        type="button"
        className="inbox__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={
          unread > 0 ? t('notifications.button', { count: unread }) : t('notifications.title')
        }
        onClick={toggle}
      >
        <span className="inbox__icon" aria-hidden="true" />
        <span className="inbox__label">{t('notifications.title')}</span>{' '}
        {unread > 0 ? (
          <span className="inbox__badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      <InboxPanel id={panelId} open={open} page={recent.data} failed={recent.isError} />
    </div>
  );
}

/** What to announce when the unread count rises (nothing when it falls or first loads). */
function useRiseAnnouncement(unread: number): string {
  const { t } = useTranslation();
  const previous = useRef<number | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (previous.current !== null && unread > previous.current) {
      setText(t('notifications.arrived', { count: unread }));
    }
    previous.current = unread;
  }, [unread, t]);
  return text;
}
