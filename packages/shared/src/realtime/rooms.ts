/**
 * Socket.IO room names. Rooms are built only by these helpers so a typo cannot open a room
 * nobody guards; joining any room but the connection's own happens on the server after `can()`.
 */

/** Every signed-in connection: portfolio-level program changes and presence. */
export function workspaceRoom(): string {
  return 'workspace';
}

/** Subscribers of one program (joined through `program.subscribe`, which asks `can(read)`). */
export function programRoom(programId: string): string {
  return `program:${programId}`;
}

/** Subscribers of one priority round (joined through `round.subscribe`, which asks `can(read)`). */
export function roundRoom(roundId: string): string {
  return `round:${roundId}`;
}

/** A meeting's room (joined through `meeting.join`, which asks `can(read)`). */
export function meetingRoom(meetingId: string): string {
  return `meeting:${meetingId}`;
}

/** The meeting id of a `meeting:<id>` room, or null for any other room. */
export function parseMeetingRoom(room: string): string | null {
  const prefix = 'meeting:';
  return room.startsWith(prefix) && room.length > prefix.length ? room.slice(prefix.length) : null;
}

/** Every connection of one person (each tab, each device). */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Every connection opened with one session; ending the session empties it. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/** The program id of a `program:<id>` room, or null for any other room. */
export function parseProgramRoom(room: string): string | null {
  const prefix = 'program:';
  return room.startsWith(prefix) && room.length > prefix.length ? room.slice(prefix.length) : null;
}
