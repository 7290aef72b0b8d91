import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationLink, type Notification } from '@mesa/shared';
import { useTimeZone } from '../auth/useTimeZone';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { describeNotification } from './describeNotification';

/** Props of NotificationItem. */
export interface NotificationItemProps {
  notification: Notification;
  /** Called when it is followed (marks it read). */
  onOpen: (notification: Notification) => void;
}

/**
 * One notification: who did what where, the comment's start and when, as a link to the thread.
 * Unread ones say "New" in words and are bold, not marked by colour alone.
 */
export function NotificationItem({ notification: n, onOpen }: NotificationItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const link = notificationLink(n.target) ?? '/notifications';
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'inbox-item inbox-item--unread' : 'inbox-item'}>
      <Link className="inbox-item__link" to={link} onClick={() => onOpen(n)}>
        {unread ? <span className="inbox-item__new">{t('notifications.new')}</span> : null}
        <span className="inbox-item__text">{describeNotification(n, t, locale)}</span>
        {n.excerpt ? (
          <span className="inbox-item__excerpt">
            {t('notifications.excerpt', { excerpt: n.excerpt })}
          </span>
        ) : null}
        <time className="inbox-item__time" dateTime={n.createdAt}>
          {formatDateTime(n.createdAt, locale, timeZone)}
        </time>
      </Link>
    </li>
  );
}
