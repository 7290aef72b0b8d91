import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationPage } from '@mesa/shared';
import { NotificationList } from './NotificationList';
import { useMarkRead } from './useInbox';

/** Props of InboxPanel. */
export interface InboxPanelProps {
  id: string;
  open: boolean;
  page: NotificationPage | undefined;
  /** Whether the list could not be loaded. */
  failed: boolean;
}

/**
 * The header's inbox panel: the newest notifications, "Mark all as read", "See all". Opening it
 * moves focus to its heading, so a screen reader lands in it; Escape returns to the button.
 */
export function InboxPanel({ id, open, page, failed }: InboxPanelProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const markRead = useMarkRead();
  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);
  const headingId = `${id}-heading`;
  return (
    <div id={id} className="inbox__panel" hidden={!open} role="region" aria-labelledby={headingId}>
      <div className="inbox__head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="inbox__title">
          {t('notifications.title')}
        </h2>
        {page && page.unreadCount > 0 ? (
          <button
            type="button"
            className="button button--secondary inbox__mark-all"
            onClick={() => markRead.mutate('all')}
            disabled={markRead.isPending}
          >
            {t('notifications.markAllRead')}
          </button>
        ) : null}
      </div>
      {failed ? <p className="inbox__empty">{t('notifications.loadFailed')}</p> : null}
      {page && page.data.length === 0 ? (
        <p className="inbox__empty">{t('notifications.empty')}</p>
      ) : null}
      {page && page.data.length > 0 ? (
        <NotificationList items={page.data} label={t('notifications.recent')} />
      ) : null}
      <p className="inbox__all">
        <Link to="/notifications">{t('notifications.seeAll')}</Link>
      </p>
    </div>
  );
}
