/** The meetings module: meetings, agenda, roles, decisions, action items, calendars. */
export { listMeetingRecords } from './records.service.js';
export { meetingsRoutes } from './meetings.routes.js';
export { registerMeetingsRealtime } from './meetings.realtime.js';
export {
  listRoomAttendance,
  roomState,
  runRoomCommand,
  RoomConflictError,
} from './room.service.js';
export { presentRoomState, type RoomPerson } from './room.presenter.js';
