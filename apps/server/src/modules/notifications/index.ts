/** The notifications module: the one inbox every feature adds its kinds to. */
export { notificationsRoutes } from './notifications.routes.js';
export { registerNotificationsRealtime } from './notifications.realtime.js';
export { registerNotificationHandlers, notify, type NotificationDraft } from './notify.service.js';
