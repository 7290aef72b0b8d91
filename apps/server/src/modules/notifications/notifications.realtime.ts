import { userRoom } from '@mesa/shared';
import type { FastifyInstance } from 'fastify';

/**
 * The inbox's live layer: a new notification goes to every connection of its recipient, on
 * every node (the Redis adapter carries room emits); a person's reads go to their other tabs.
 * Nothing here decides access: the service created the notification only for a reader.
 */
export function registerNotificationsRealtime(app: FastifyInstance): void {
  const { io } = app.realtime;
  app.events.on('notification.created', ({ recipientId, notification, unreadCount }) => {
    io.to(userRoom(recipientId)).emit('notification.created', { notification, unreadCount });
  });
  app.events.on('notifications.read', ({ userId, ...read }) => {
    io.to(userRoom(userId)).emit('notifications.read', read);
  });
}
