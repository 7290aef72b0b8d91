import {
  NotificationPageSchema,
  NotificationPreferencesSchema,
  UnreadCountSchema,
  type NotificationPage,
  type NotificationPreferences,
  type UpdateNotificationPreferencesInput,
} from '@mesa/shared';
import { getJson, sendJson } from './api';

/** A page of the person's notifications, newest first, with their unread count. */
export function fetchNotifications(
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return getJson(`/api/notifications?${query}`, NotificationPageSchema, signal);
}

/** Marks some of the person's notifications read; answers the new unread count. */
export async function markNotificationsRead(ids: string[]): Promise<number> {
  return (await sendJson('POST', '/api/notifications/read', { ids }, UnreadCountSchema))
    .unreadCount;
}

/** Marks all the person's notifications read; answers the new unread count. */
export async function markAllNotificationsRead(): Promise<number> {
  return (await sendJson('POST', '/api/notifications/read-all', undefined, UnreadCountSchema))
    .unreadCount;
}

/** The person's choice per kind of notification. */
export function fetchNotificationPreferences(signal?: AbortSignal) {
  return getJson('/api/me/notification-preferences', NotificationPreferencesSchema, signal);
}

/** Saves some kinds' choices; answers every kind's. */
export function saveNotificationPreferences(
  input: UpdateNotificationPreferencesInput,
): Promise<NotificationPreferences> {
  return sendJson('PUT', '/api/me/notification-preferences', input, NotificationPreferencesSchema);
}
