/**
 * The meetings module: meetings, agenda, roles, decisions, action items, calendars, and the
 * live room (state, commands, attendance), the minutes and the published record.
 */
export { listMeetingRecords } from './records.service.js';
export { meetingsRoutes } from './meetings.routes.js';
export { ensureDemoMeeting } from './meetings.service.js';
export { registerMeetingsRealtime } from './meetings.realtime.js';
export {
  listRoomAttendance,
  roomState,
  runRoomCommand,
  RoomConflictError,
} from './room.service.js';
export { presentRoomState, type RoomPerson } from './room.presenter.js';
export { createMinutesDocument, minutesDocumentName, registerMinutes } from './minutes.service.js';
export { registerMinutesThreads } from './minutes.threads.js';
export { recordRoutes } from './record.routes.js';
