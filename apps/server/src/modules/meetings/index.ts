/** The meetings module: meetings, agenda, roles, decisions, action items, calendars, minutes, published record. */
export { listMeetingRecords } from './records.service.js';
export { meetingsRoutes } from './meetings.routes.js';
export { createMinutesDocument, minutesDocumentName, registerMinutes } from './minutes.service.js';
export { registerMinutesThreads } from './minutes.threads.js';
export { recordRoutes } from './record.routes.js';
