import type { Presence, RoomCommand, RoomReply } from '@mesa/shared';
import type { LiveClient, LiveEvent, LivePayload, LiveState } from '../lib/socket';

/** A stand-in for the live client at the `lib/socket` boundary, driven by the test. */
export interface FakeLive extends LiveClient {
  /** Moves the connection to a state (and, for `live`, runs the connect listeners). */
  setState(state: LiveState): void;
  /** Delivers a server event to the app's handlers. */
  serverEmit<E extends LiveEvent>(event: E, payload: LivePayload<E>): void;
  /** What `listPresence` answers. */
  presence: Presence | null;
  /** Programs followed now, with how many followers each. */
  followed: Map<string, number>;
  /** Meetings joined now, with the listeners of their join replies (the test answers them). */
  meetings: Map<string, Set<(reply: RoomReply) => void>>;
  /** Room commands sent, each with the way to answer it (null: no ack came). */
  commands: { command: RoomCommand; reply: (reply: RoomReply | null) => void }[];
}

/** Creates a fake live client: a tiny emitter with the same surface as `live`. */
export function createFakeLive(): FakeLive {
  let state: LiveState = 'idle';
  const stateListeners = new Set<() => void>();
  const handlers = new Map<string, Set<(payload: never) => void>>();
  const connectListeners = new Set<(reconnected: boolean) => void>();
  const followed = new Map<string, number>();
  const meetings = new Map<string, Set<(reply: RoomReply) => void>>();
  const fake: FakeLive = {
    presence: null,
    followed,
    meetings,
    commands: [],
    start: () => fake.setState('live'),
    stop: () => fake.setState('idle'),
    getState: () => state,
    subscribeState(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler);
      return () => void set.delete(handler);
    },
    onConnect(listener) {
      connectListeners.add(listener);
      return () => void connectListeners.delete(listener);
    },
    followProgram(programId) {
      followed.set(programId, (followed.get(programId) ?? 0) + 1);
      return () => {
        const left = (followed.get(programId) ?? 1) - 1;
        if (left > 0) followed.set(programId, left);
        else followed.delete(programId);
      };
    },
    followRound(roundId) {
      return fake.followProgram(`round:${roundId}`);
    },
    followMeeting(meetingId, onJoined) {
      const set = meetings.get(meetingId) ?? new Set();
      meetings.set(meetingId, set);
      set.add(onJoined);
      return () => {
        set.delete(onJoined);
        if (set.size === 0) meetings.delete(meetingId);
      };
    },
    commandMeeting(command) {
      return new Promise((resolve) => fake.commands.push({ command, reply: resolve }));
    },
    listPresence: () => Promise.resolve(fake.presence),
    setState(next) {
      if (next === state) return;
      state = next;
      stateListeners.forEach((listener) => listener());
      if (next === 'live') connectListeners.forEach((listener) => listener(false));
    },
    serverEmit(event, payload) {
      for (const handler of handlers.get(event) ?? [])
        (handler as (value: unknown) => void)(payload);
    },
  };
  return fake;
}
