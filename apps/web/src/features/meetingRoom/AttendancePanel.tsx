import { useTranslation } from 'react-i18next';
import { AttendanceMarkSchema, type RoomState } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { RoomButton } from './RoomButton';
import { RoomCard } from './RoomCard';
import type { MeetingRoom } from './useMeetingRoom';

/** Props of AttendancePanel. */
export interface AttendancePanelProps {
  state: RoomState;
  room: MeetingRoom;
  chair: boolean;
}

/** Who is in the room now, by delegation (live), and the chair's mark for each delegation. */
export function AttendancePanel({ state, room, chair }: AttendancePanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const known = new Set(state.delegations.map((d) => d.organizationId));
  // An admin of another organization may be in the room without being a delegation.
  const others = state.present.filter((person) => !known.has(person.organizationId));
  return (
    <RoomCard
      id="room-attendance-heading"
      className="room-attendance"
      title={t('meetingRoom.attendance.heading', { count: state.present.length })}
    >
      <ul className="room-attendance__list">
        {state.delegations.map((delegation) => {
          const people = state.present.filter(
            (p) => p.organizationId === delegation.organizationId,
          );
          const name = delegation.name[locale];
          return (
            <li key={delegation.organizationId} className="room-attendance__delegation">
              <h4 className="room-attendance__name">{name}</h4>
              <p className="room-attendance__mark">
                {delegation.mark
                  ? t(`meetingRoom.attendance.marks.${delegation.mark}`)
                  : t('meetingRoom.attendance.unmarked')}
              </p>
              {people.length > 0 ? (
                <ul className="room-attendance__people">
                  {people.map((person) => (
                    <li key={person.userId}>{person.name}</li>
                  ))}
                </ul>
              ) : (
                <p className="room-attendance__nobody">{t('meetingRoom.attendance.nobody')}</p>
              )}
              {chair ? (
                <div
                  role="group"
                  aria-label={t('meetingRoom.attendance.markLabel', { name })}
                  className="room-actions"
                >
                  {AttendanceMarkSchema.options.map((mark) => (
                    <RoomButton
                      key={mark}
                      room={room}
                      small
                      variant="secondary"
                      pressed={delegation.mark === mark}
                      action={{
                        type: 'markAttendance',
                        organizationId: delegation.organizationId,
                        mark: delegation.mark === mark ? null : mark,
                      }}
                    >
                      {t(`meetingRoom.attendance.marks.${mark}`)}
                    </RoomButton>
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <>
          <h4 className="room-attendance__name">{t('meetingRoom.attendance.others')}</h4>
          <ul className="room-attendance__people">
            {others.map((person) => (
              <li key={person.userId}>{person.name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </RoomCard>
  );
}
