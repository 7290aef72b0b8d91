/** The meetings module: meetings, their live room, minutes and published record. */
export { createMinutesDocument, minutesDocumentName, registerMinutes } from './minutes.service.js';
export { registerMinutesThreads } from './minutes.threads.js';
export { recordRoutes } from './record.routes.js';
