import { useTranslation } from 'react-i18next';
import type { Meeting, RoomState } from '@mesa/shared';
import { useMe } from '../auth/useMe';
import { roomAbilities, type RoomMay } from './roomAbilities';
import { RoomButton } from './RoomButton';
import { RoomConnection } from './RoomConnection';
import { RoomLive } from './RoomLive';
import { RoomNoticeBanner } from './RoomNoticeBanner';
import { RoomSummary } from './RoomSummary';
import { useMeetingRoom, type MeetingRoom } from './useMeetingRoom';
import './meetingRoom.css';

/** Props of RoomPanel. */
export interface RoomPanelProps {
  /** The meeting (REST), whose agenda and abilities the room uses. */
  meeting: Meeting;
}

/** The meeting's live room: before the start, while live, and a short summary after the end. */
export function RoomPanel({ meeting }: RoomPanelProps) {
  const { t } = useTranslation();
  const room = useMeetingRoom(meeting.id);
  const myId = useMe().data?.user.id ?? null;
  return (
    <section className="room" aria-labelledby="room-heading">
      <div className="room__header">
        <h2 id="room-heading">{t('meetingRoom.heading')}</h2>
        <RoomConnection joined={room.joined} />
      </div>
      <RoomNoticeBanner notice={room.notice} onDismiss={room.dismissNotice} />
      <RoomBody meeting={meeting} room={room} myId={myId} />
    </section>
  );
}

interface RoomBodyProps {
  meeting: Meeting;
  room: MeetingRoom;
  myId: string | null;
}

function RoomBody({ meeting, room, myId }: RoomBodyProps) {
  const { t } = useTranslation();
  if (room.revoked) return <p role="alert">{t('meetingRoom.revoked')}</p>;
  const { state } = room;
  if (!state) {
    if (room.joinError) return <p role="alert">{t('meetingRoom.joinFailed')}</p>;
    return <p>{t('meetingRoom.joining')}</p>;
  }
  const may = roomAbilities(meeting, state, myId);
  if (state.state === 'scheduled') return <RoomStart state={state} room={room} may={may} />;
  if (state.state === 'live') {
    return <RoomLive meeting={meeting} state={state} room={room} may={may} myId={myId} />;
  }
  if (state.state === 'cancelled') return <p>{t('meetingRoom.cancelled')}</p>;
  return <RoomSummary meeting={meeting} state={state} />;
}

function RoomStart({ state, room, may }: { state: RoomState; room: MeetingRoom; may: RoomMay }) {
  const { t } = useTranslation();
  return (
    <div className="room-start">
      <p>{t('meetingRoom.notStarted')}</p>
      {may.chair ? (
        <RoomButton room={room} action={{ type: 'start' }}>
          {t('meetingRoom.start')}
        </RoomButton>
      ) : (
        <p>{t('meetingRoom.waitingForChair', { count: state.present.length })}</p>
      )}
    </div>
  );
}
