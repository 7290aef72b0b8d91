import { useCallback, useEffect, useRef, useState } from 'react';
import type { AckError, RoomCommand, RoomReply, RoomState } from '@mesa/shared';
import { live } from '../../lib/socket';
import { clockOffsetMs } from './roomClock';
import { buildRoomCommand, roomActionKey, type RoomAction } from './roomCommands';

/** What the room tells the person about their last command. */
export type RoomNotice = { kind: 'conflict' } | { kind: 'error'; code: AckError['code'] };

/** The live room as the hook keeps it. */
export interface MeetingRoom {
  /** The latest state (highest `sequence`), or null until the first join reply. */
  state: RoomState | null;
  /** The server's clock less the local one, in ms (add it to `Date.now()`). */
  offsetMs: number;
  /** Whether the room is joined on the connection now (false while reconnecting). */
  joined: boolean;
  /** Why joining was refused, or null. */
  joinError: AckError | null;
  /** Whether the server took away access while the room was open. */
  revoked: boolean;
  /** The outcome to tell the person about, or null. */
  notice: RoomNotice | null;
  /** Forgets the notice (the person read it). */
  dismissNotice: () => void;
  /** Sends a command; resolves true when the server applied it. */
  send: (action: RoomAction) => Promise<boolean>;
  /** Whether a command for this button (`roomActionKey`) awaits its ack. */
  isPending: (key: string) => boolean;
}

/** A command that had no ack yet, and what to do when its reply comes. */
interface Unanswered {
  command: RoomCommand;
  settle: (reply: RoomReply | null) => void;
}

/**
 * A meeting's live room: joins it (and again after every reconnect; each reply is the whole
 * state), keeps the newest state by `sequence`, and sends commands. A command whose ack never
 * came is sent again with the same `commandId` once the connection is back (the server applies
 * it once); a stale chair command's `conflict` brings the current state, which is adopted.
 */
export function useMeetingRoom(meetingId: string): MeetingRoom {
  const [room, setRoom] = useState<{ state: RoomState | null; offsetMs: number }>({
    state: null,
    offsetMs: 0,
  });
  const [joined, setJoined] = useState(false);
  const [joinError, setJoinError] = useState<AckError | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [notice, setNotice] = useState<RoomNotice | null>(null);
  const [pending, setPending] = useState<readonly string[]>([]);
  const latest = useRef<RoomState | null>(null);
  const unanswered = useRef(new Map<string, Unanswered>());

  const adopt = useCallback(
    (next: RoomState, force = false) => {
      const current = latest.current;
      if (next.meetingId !== meetingId) return;
      if (current && next.sequence < current.sequence && !force) return;
      latest.current = next;
      setRoom({ state: next, offsetMs: clockOffsetMs(next.serverNow, Date.now()) });
    },
    [meetingId],
  );

  useEffect(() => {
    latest.current = null;
    const pendingNow = unanswered.current;
    const stopFollow = live.followMeeting(meetingId, (reply) => {
      setJoinError(reply.ok ? null : reply.error);
      setJoined(reply.ok && live.getState() === 'live');
      if (reply.ok) adopt(reply.data);
    });
    const stopLiveState = live.subscribeState(() => {
      if (live.getState() !== 'live') setJoined(false);
    });
    const stopState = live.on('meeting.state', (state) => adopt(state));
    const stopRevoked = live.on('meeting.accessRevoked', (payload) => {
      if (payload.meetingId === meetingId) setRevoked(true);
    });
    // After the re-join: what had no ack goes again, under its first `commandId`.
    const stopConnect = live.onConnect(() => {
      for (const { command, settle } of pendingNow.values()) {
        void live.commandMeeting(command).then(settle);
      }
    });
    return () => {
      stopFollow();
      stopLiveState();
      stopState();
      stopRevoked();
      stopConnect();
      pendingNow.clear();
    };
  }, [meetingId, adopt]);

  const finish = useCallback(
    (key: string, reply: RoomReply): boolean => {
      setPending((keys) => keys.filter((k) => k !== key));
      if (reply.ok) {
        adopt(reply.data);
        return true;
      }
      if (reply.error.code === 'conflict' && reply.state) {
        adopt(reply.state, true);
        setNotice({ kind: 'conflict' });
      } else {
        setNotice({ kind: 'error', code: reply.error.code });
      }
      return false;
    },
    [adopt],
  );

  const send = useCallback(
    (action: RoomAction): Promise<boolean> => {
      const key = roomActionKey(action);
      const command = buildRoomCommand(meetingId, action, latest.current?.sequence ?? 0);
      setPending((keys) => [...keys, key]);
      setNotice(null);
      return new Promise<boolean>((resolve) => {
        const settle = (reply: RoomReply | null) => {
          // No ack: keep it for the next connect, when it goes again with the same id.
          if (reply === null) {
            unanswered.current.set(command.commandId, { command, settle });
            if (live.getState() === 'live') retryWhileConnected(command, settle);
            return;
          }
          unanswered.current.delete(command.commandId);
          resolve(finish(key, reply));
        };
        void live.commandMeeting(command).then(settle);
      });
    },
    [meetingId, finish],
  );

  const dismissNotice = useCallback(() => setNotice(null), []);
  const isPending = useCallback((key: string) => pending.includes(key), [pending]);
  return { ...room, joined, joinError, revoked, notice, dismissNotice, send, isPending };
}

const retries = new WeakMap<RoomCommand, number>();

// Connected but no ack in time (a lost packet, a slow server): try twice more, then say so.
function retryWhileConnected(command: RoomCommand, settle: (reply: RoomReply | null) => void) {
  const attempts = (retries.get(command) ?? 0) + 1;
  retries.set(command, attempts);
  if (attempts > 2) {
    settle({ ok: false, error: { code: 'service_unavailable', message: 'No answer' } });
    return;
  }
  void live.commandMeeting(command).then(settle);
}
