import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  ListNotificationsQuerySchema,
  MarkNotificationsReadInputSchema,
  NotificationPageSchema,
  NotificationPreferencesSchema,
  UnreadCountSchema,
  UpdateNotificationPreferencesInputSchema,
} from '@mesa/shared';
import { signedIn } from '../../authz/guards.js';
import type { ServiceContext } from '../../lib/context.js';
import {
  getPreferences,
  listNotifications,
  markNotificationsRead,
  unreadCount,
  updatePreferences,
} from './notifications.service.js';

const tags = ['notifications'];

/** The signed-in person's inbox and notification preferences; each route acts on their own only. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/notifications',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'Your notifications, newest first, only those whose program or meeting you may still read; with the unread count. 400 for an unknown cursor.',
        querystring: ListNotificationsQuerySchema,
        response: { 200: NotificationPageSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => listNotifications(ctx, request.actor!, request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    { ...signedIn(), schema: { tags, response: { 200: UnreadCountSchema } } },
    async (request) => ({ unreadCount: await unreadCount(ctx, request.actor!) }),
  );

  app.post(
    '/api/notifications/read',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          "Marks your notifications read (ids of anyone else's change nothing); your other tabs hear `notifications.read`.",
        body: MarkNotificationsReadInputSchema,
        response: { 200: UnreadCountSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => ({
      unreadCount: await markNotificationsRead(ctx, request.actor!, request.body.ids),
    }),
  );

  app.post(
    '/api/notifications/read-all',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'Marks all your notifications read; your other tabs hear `notifications.read`.',
        response: { 200: UnreadCountSchema },
      },
    },
    async (request) => ({
      unreadCount: await markNotificationsRead(ctx, request.actor!, 'all'),
    }),
  );

  app.get(
    '/api/me/notification-preferences',
    {
      ...signedIn(),
      schema: { tags, response: { 200: NotificationPreferencesSchema } },
    },
    async (request) => getPreferences(ctx, request.actor!.userId),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      ...signedIn(),
      schema: {
        tags,
        description:
          'Turns kinds of notification on or off (any subset; a kind never set is on); answers every kind.',
        body: UpdateNotificationPreferencesInputSchema,
        response: { 200: NotificationPreferencesSchema, 400: ErrorBodySchema },
      },
    },
    async (request) => updatePreferences(ctx, request.actor!.userId, request.body),
  );
};
