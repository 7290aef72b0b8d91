import type { RoomCommand } from '@mesa/shared';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A room command as a button asks for it: the hook adds the meeting, the id and the sequence. */
export type RoomAction = DistributiveOmit<RoomCommand, 'meetingId' | 'commandId' | 'sequence'>;

// Requests for the floor and withdrawals carry no sequence, so many at once all succeed.
const UNSEQUENCED: ReadonlySet<RoomAction['type']> = new Set(['requestFloor', 'withdraw']);

/** The whole command: the meeting, a fresh `commandId`, and the sequence a chair's command was made against. */
export function buildRoomCommand(
  meetingId: string,
  action: RoomAction,
  sequence: number,
): RoomCommand {
  const base = { ...action, meetingId, commandId: crypto.randomUUID() };
  // Safe: each member of `RoomAction` plus these fields is the matching member of `RoomCommand`.
  if (UNSEQUENCED.has(action.type)) return base as RoomCommand;
  return { ...base, sequence } as RoomCommand;
}

/** Which button an action belongs to ("giveFloor:<entryId>"), so only that one shows busy. */
export function roomActionKey(action: RoomAction): string {
  switch (action.type) {
    case 'jump':
      return `jump:${action.itemId}`;
    case 'giveFloor':
    case 'moveEntry':
    case 'removeEntry':
      return `${action.type}:${action.entryId}`;
    case 'markAttendance':
      return `markAttendance:${action.organizationId}`;
    case 'requestFloor':
      return `requestFloor:${action.kind}`;
    default:
      return action.type;
  }
}
