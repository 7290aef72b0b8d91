import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import './notifications.css';
import { NotificationList } from './NotificationList';
import { useMarkRead, useNotificationPages } from './useInbox';

/** `/notifications`: every notification the person may still read, newest first, a page at a time. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const pages = useNotificationPages();
  const markRead = useMarkRead();
  if (pages.isPending) return <LoadingState label={t('notifications.loading')} />;
  if (pages.isError)
    return (
      <ErrorState
        level={1}
        title={t('notifications.loadFailed')}
        error={pages.error}
        onRetry={() => void pages.refetch()}
      />
    );
  const items = pages.data.pages.flatMap((p) => p.data);
  const unread = pages.data.pages[0]?.unreadCount ?? 0;
  return (
    <div className="page notifications-page">
      <header className="page-header notifications-page__header">
        <h1>{t('notifications.title')}</h1>
        <p className="page-header__lead">
          {unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.allRead')}
        </p>
        {unread > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => markRead.mutate('all')}
            disabled={markRead.isPending}
          >
            {t('notifications.markAllRead')}
          </button>
        ) : null}
      </header>
      {items.length === 0 ? (
        <EmptyState title={t('notifications.emptyTitle')} body={t('notifications.empty')} />
      ) : (
        <NotificationList items={items} label={t('notifications.title')} />
      )}
      {pages.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          {t('notifications.more')}
        </button>
      ) : null}
    </div>
  );
}
