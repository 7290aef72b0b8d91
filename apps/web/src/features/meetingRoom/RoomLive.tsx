import type { Meeting, RoomState } from '@mesa/shared';
import { AttendancePanel } from './AttendancePanel';
import { ChairControls } from './ChairControls';
import { CurrentItem } from './CurrentItem';
import { FloorActions } from './FloorActions';
import type { RoomMay } from './roomAbilities';
import { SpeakerCard } from './SpeakerCard';
import { SpeakerQueue } from './SpeakerQueue';
import { TakeChair } from './TakeChair';
import type { MeetingRoom } from './useMeetingRoom';

/** Props of RoomLive. */
export interface RoomLiveProps {
  meeting: Meeting;
  state: RoomState;
  room: MeetingRoom;
  may: RoomMay;
  myId: string | null;
}

/** The room while the meeting is live: item and timer, the floor, the queue, attendance. */
export function RoomLive({ meeting, state, room, may, myId }: RoomLiveProps) {
  return (
    <div className="room-live">
      {may.takeChair ? <TakeChair state={state} room={room} /> : null}
      <div className="room-live__main">
        <CurrentItem state={state} offsetMs={room.offsetMs} />
        {may.chair ? <ChairControls meeting={meeting} state={state} room={room} /> : null}
        <SpeakerCard state={state} room={room} chair={may.chair} />
        {may.requestFloor ? <FloorActions state={state} room={room} myId={myId} /> : null}
      </div>
      <div className="room-live__side">
        <SpeakerQueue state={state} room={room} chair={may.chair} myId={myId} />
        <AttendancePanel state={state} room={room} chair={may.chair} />
      </div>
    </div>
  );
}
