/** The meetings module: meetings, agenda, roles, decisions, action items, calendars. */
export { listMeetingRecords } from './records.service.js';
export { meetingsRoutes } from './meetings.routes.js';
