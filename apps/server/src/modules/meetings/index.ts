export { registerMeetingsRealtime } from './meetings.realtime.js';
export {
  listRoomAttendance,
  roomState,
  runRoomCommand,
  RoomConflictError,
} from './room.service.js';
export { presentRoomState, type RoomPerson } from './room.presenter.js';
