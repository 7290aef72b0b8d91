import type { Notification } from '@mesa/shared';
import { NotificationItem } from './NotificationItem';
import { useMarkRead } from './useInbox';

/** A list of notifications; following an unread one marks it read. */
export function NotificationList({ items, label }: { items: Notification[]; label: string }) {
  const markRead = useMarkRead();
  const onOpen = (n: Notification) => {
    if (n.readAt === null) markRead.mutate([n.id]);
  };
  return (
    <ul className="inbox-list" aria-label={label}>
      {items.map((n) => (
        <NotificationItem key={n.id} notification={n} onOpen={onOpen} />
      ))}
    </ul>
  );
}
