import type { Meeting, MeetingAction, RoomState } from '@mesa/shared';

/** What the person may do in the room now. */
export interface RoomMay {
  /** Run the room: they are the chair now. */
  chair: boolean;
  /** Take over the chair. */
  takeChair: boolean;
  /** Ask for the floor, raise a point of order, withdraw. */
  requestFloor: boolean;
}

/**
 * The room's abilities: the meeting's abilities (from REST) as far as who holds them, with the
 * stage and the chair taken from the room's state, which is fresher — a meeting fetched before
 * the start says "not at this stage" for asking the floor, and a take-over moves the chair
 * without a refetch. The server checks every command anyway.
 */
export function roomAbilities(meeting: Meeting, state: RoomState, myId: string | null): RoomMay {
  const { abilities } = meeting;
  const holds = (action: MeetingAction) =>
    abilities[action] || abilities.denied[action] === 'meeting_stage';
  const running = state.state === 'scheduled' || state.state === 'live';
  const chairing = myId === null ? abilities.chairRoom : state.chairId === myId;
  return {
    chair: running && chairing,
    takeChair: state.state === 'live' && !chairing && holds('takeChair'),
    requestFloor: state.state === 'live' && holds('requestFloor'),
  };
}
