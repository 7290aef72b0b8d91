import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import {
  FundingChangedSchema,
  AccessChangedSchema,
  MeReplySchema,
  NotificationCreatedSchema,
  NotificationsReadSchema,
  PresenceSchema,
  ProgramAccessRevokedSchema,
  ProgramChangedSchema,
  SOCKET_IO_PATH,
  SessionEndedSchema,
  ThreadChangedSchema,
  RoundChangedSchema,
  BallotChangedSchema,
  MeetingChangedSchema,
  MeetingJoinInputSchema,
  RoomStateSchema,
  type ClientToServerEvents,
  type Presence,
  type RoomCommand,
  type RoomReply,
  type ServerToClientEvents,
} from '@mesa/shared';
import { getJson, isApiErrorStatus } from './api';

/** The typed Socket.IO client of the live layer. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where the live connection stands; the header shows it in words. */
export const LiveStates = {
  /** Not started (signed out, or not yet known to be signed in). */
  idle: 'idle',
  /** The first connection attempt is under way. */
  connecting: 'connecting',
  /** Connected: live updates arrive. */
  live: 'live',
  /** The connection dropped; retrying with backoff. */
  reconnecting: 'reconnecting',
  /** Several attempts failed; still retrying, less often. */
  offline: 'offline',
  /** The session ended (or the server refused it): never reconnects by itself. */
  signedOut: 'signedOut',
} as const;

/** One of `LiveStates`. */
export type LiveState = (typeof LiveStates)[keyof typeof LiveStates];

/** A server event name. */
export type LiveEvent = keyof ServerToClientEvents;

/** The payload of a server event. */
export type LivePayload<E extends LiveEvent> = Parameters<ServerToClientEvents[E]>[0];

// Every event is parsed with its shared schema before a handler sees it, as REST replies are.
const eventSchemas: { [E in LiveEvent]: z.ZodType<LivePayload<E>> } = {
  'presence.changed': PresenceSchema,
  'program.changed': ProgramChangedSchema,
  'program.accessRevoked': ProgramAccessRevokedSchema,
  'access.changed': AccessChangedSchema,
  'session.ended': SessionEndedSchema,
  'thread.changed': ThreadChangedSchema,
  'notification.created': NotificationCreatedSchema,
  'notifications.read': NotificationsReadSchema,
  'round.changed': RoundChangedSchema,
  'ballot.changed': BallotChangedSchema,
  'meeting.state': RoomStateSchema,
  'meeting.changed': MeetingChangedSchema,
  'meeting.accessRevoked': MeetingJoinInputSchema,
  'funding.changed': FundingChangedSchema,
};

/** What the rest of the app may do with the live connection. */
export interface LiveClient {
  /** Opens the connection if none is open (call once signed in); does nothing once signed out. */
  start(): void;
  /** Closes the connection and forgets a `signedOut` state, so a later sign-in may `start` again. */
  stop(): void;
  /** The current state. */
  getState(): LiveState;
  /** Calls `listener` whenever the state changes; returns the way to stop. */
  subscribeState(listener: () => void): () => void;
  /** Listens to a server event (parsed) on this and every later connection; returns the way to stop. */
  on<E extends LiveEvent>(event: E, handler: (payload: LivePayload<E>) => void): () => void;
  /** Calls `listener` after every successful connect; `reconnected` is false the first time. */
  onConnect(listener: (reconnected: boolean) => void): () => void;
  /** Follows a program's room while the returned function is not called; re-joined after every reconnect. */
  followProgram(programId: string): () => void;
  /** Follows a priority round's room likewise (its `ballot.changed` events). */
  followRound(roundId: string): () => void;
  /**
   * Joins a meeting's room while the returned function is not called (then leaves it); joined
   * again after every reconnect, and each join's reply (the whole state, or a refusal) goes to
   * `onJoined`.
   */
  followMeeting(meetingId: string, onJoined: (reply: RoomReply) => void): () => void;
  /**
   * Sends a command to a meeting's room. Null when no reply came: not connected, the connection
   * dropped before the ack, or no ack in time — the caller may retry with the same `commandId`.
   */
  commandMeeting(command: RoomCommand): Promise<RoomReply | null>;
  /** Asks who is online; null when not connected or refused. */
  listPresence(): Promise<Presence | null>;
}

/** Ways to replace the transport and the session probe (tests). */
export interface LiveClientOptions {
  /** Opens a socket; by default Socket.IO on the app's own origin. */
  connect?: () => LiveSocket;
  /** Whether the session is gone (a browser cannot read a refused upgrade's 401). */
  isSignedOut?: () => Promise<boolean>;
  /** Failed reconnection attempts after which the state reads `offline`. */
  offlineAfterAttempts?: number;
}

function connectSocket(): LiveSocket {
  return io({
    path: SOCKET_IO_PATH,
    transports: ['websocket'],
    withCredentials: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
  });
}

const COMMAND_TIMEOUT_MS = 5_000;

async function sessionIsGone(): Promise<boolean> {
  try {
    await getJson('/api/me', MeReplySchema);
    return false;
  } catch (error) {
    return isApiErrorStatus(error, 401);
  }
}

type AnyHandler = (payload: unknown) => void;

/** A room the tab follows: a program's, a priority round's or a meeting's. */
interface Followed {
  kind: 'program' | 'round' | 'meeting';
  id: string;
}

/** A followed room, how many follow it, and who hears a meeting's join replies. */
interface FollowEntry {
  target: Followed;
  count: number;
  onJoined: Set<(reply: RoomReply) => void>;
}

/** The live connection of one tab; see `LiveClient` for what each method does. */
class LiveConnection implements LiveClient {
  private socket: LiveSocket | null = null;
  private state: LiveState = LiveStates.idle;
  private everConnected = false;
  private readonly stateListeners = new Set<() => void>();
  private readonly handlers = new Map<LiveEvent, Set<AnyHandler>>();
  private readonly connectListeners = new Set<(reconnected: boolean) => void>();
  private readonly followed = new Map<string, FollowEntry>();
  /** Commands awaiting their ack: resolved with null if the connection goes first. */
  private readonly awaitingAck = new Set<(reply: RoomReply | null) => void>();
  private readonly connect: () => LiveSocket;
  private readonly isSignedOut: () => Promise<boolean>;
  private readonly offlineAfter: number;

  constructor(options: LiveClientOptions) {
    this.connect = options.connect ?? connectSocket;
    this.isSignedOut = options.isSignedOut ?? sessionIsGone;
    this.offlineAfter = options.offlineAfterAttempts ?? 3;
  }

  start(): void {
    // After `session.ended` or a refused handshake only a new sign-in (`stop`, then `start`) reopens.
    if (this.socket || this.state === LiveStates.signedOut) return;
    this.everConnected = false;
    this.setState(LiveStates.connecting);
    this.socket = this.connect();
    this.wire(this.socket);
  }

  stop(): void {
    this.close(LiveStates.idle);
  }

  getState(): LiveState {
    return this.state;
  }

  subscribeState(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  }

  on<E extends LiveEvent>(event: E, handler: (payload: LivePayload<E>) => void): () => void {
    const set = this.handlers.get(event) ?? new Set<AnyHandler>();
    this.handlers.set(event, set);
    // Safe: `dispatch` only ever passes a payload parsed with this event's schema.
    const loose = handler as AnyHandler;
    set.add(loose);
    return () => void set.delete(loose);
  }

  onConnect(listener: (reconnected: boolean) => void): () => void {
    this.connectListeners.add(listener);
    return () => void this.connectListeners.delete(listener);
  }

  followProgram(programId: string): () => void {
    return this.follow({ kind: 'program', id: programId });
  }

  followRound(roundId: string): () => void {
    return this.follow({ kind: 'round', id: roundId });
  }

  followMeeting(meetingId: string, onJoined: (reply: RoomReply) => void): () => void {
    return this.follow({ kind: 'meeting', id: meetingId }, onJoined);
  }

  commandMeeting(command: RoomCommand): Promise<RoomReply | null> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      const settle = (reply: RoomReply | null) => {
        clearTimeout(timer);
        this.awaitingAck.delete(settle);
        resolve(reply);
      };
      const timer = setTimeout(() => settle(null), COMMAND_TIMEOUT_MS);
      this.awaitingAck.add(settle);
      socket.emit('meeting.command', command, settle);
    });
  }

  private follow(target: Followed, onJoined?: (reply: RoomReply) => void): () => void {
    const key = `${target.kind}:${target.id}`;
    const entry = this.followed.get(key) ?? { target, count: 0, onJoined: new Set() };
    entry.count += 1;
    if (onJoined) entry.onJoined.add(onJoined);
    this.followed.set(key, entry);
    // A meeting's new follower needs the whole state, so it joins again even if already in.
    const join = entry.count === 1 || target.kind === 'meeting';
    if (join && this.socket?.connected) this.subscribe(this.socket, entry);
    return () => this.unfollow(key, onJoined);
  }

  listPresence(): Promise<Presence | null> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), COMMAND_TIMEOUT_MS);
      socket.emit('presence.list', {}, (reply) => {
        clearTimeout(timer);
        resolve(reply.ok ? reply.data : null);
      });
    });
  }

  private unfollow(key: string, onJoined?: (reply: RoomReply) => void): void {
    const entry = this.followed.get(key);
    if (!entry) return;
    if (onJoined) entry.onJoined.delete(onJoined);
    entry.count -= 1;
    if (entry.count > 0) return;
    this.followed.delete(key);
    const socket = this.socket;
    if (!socket?.connected) return;
    const { kind, id } = entry.target;
    if (kind === 'program') socket.emit('program.unsubscribe', { programId: id }, () => undefined);
    else if (kind === 'round') socket.emit('round.unsubscribe', { roundId: id }, () => undefined);
    else socket.emit('meeting.leave', { meetingId: id }, () => undefined);
  }

  private setState(next: LiveState): void {
    if (this.state === next) return;
    this.state = next;
    this.stateListeners.forEach((listener) => listener());
  }

  private readonly dispatch = (event: string, payload: unknown): void => {
    if (!(event in eventSchemas)) return;
    const parsed = eventSchemas[event as LiveEvent].safeParse(payload);
    if (!parsed.success) return;
    for (const handler of this.handlers.get(event as LiveEvent) ?? []) handler(parsed.data);
  };

  private close(next: LiveState): void {
    const current = this.socket;
    this.socket = null;
    this.dropAwaitingAcks();
    current?.io.removeAllListeners();
    current?.removeAllListeners();
    current?.offAny();
    current?.disconnect();
    this.setState(next);
  }

  private subscribe(socket: LiveSocket, { target, onJoined }: FollowEntry): void {
    const { kind, id } = target;
    // A refused subscription (no `read`, unknown id) simply leaves it un-followed.
    if (kind === 'program') socket.emit('program.subscribe', { programId: id }, () => undefined);
    else if (kind === 'round') socket.emit('round.subscribe', { roundId: id }, () => undefined);
    else {
      socket.emit('meeting.join', { meetingId: id }, (reply) => {
        onJoined.forEach((listener) => listener(reply));
      });
    }
  }

  /** Acks lost with a connection never come: their commands are answered "no reply". */
  private dropAwaitingAcks(): void {
    for (const settle of [...this.awaitingAck]) settle(null);
  }

  private async onFailure(socket: LiveSocket, refused: boolean): Promise<void> {
    if (refused || (await this.isSignedOut())) {
      if (this.socket === socket) this.close(LiveStates.signedOut);
      return;
    }
    if (this.socket === socket && this.state !== LiveStates.offline) {
      this.setState(LiveStates.reconnecting);
    }
  }

  private onConnected(socket: LiveSocket): void {
    const reconnected = this.everConnected;
    this.everConnected = true;
    this.setState(LiveStates.live);
    for (const entry of this.followed.values()) this.subscribe(socket, entry);
    this.connectListeners.forEach((listener) => listener(reconnected));
  }

  private onDisconnected(socket: LiveSocket, reason: string): void {
    if (this.socket !== socket) return;
    this.dropAwaitingAcks();
    this.setState(LiveStates.reconnecting);
    // The server closed the namespace without `session.ended`: reconnect unless signed out.
    if (reason !== 'io server disconnect') return;
    void this.onFailure(socket, false).then(() => {
      if (this.socket === socket) socket.connect();
    });
  }

  private wire(socket: LiveSocket): void {
    // `onAny` runs before the named listeners, so the app hears `session.ended` before the close.
    socket.onAny(this.dispatch);
    socket.on('connect', () => this.onConnected(socket));
    socket.on('session.ended', () => this.close(LiveStates.signedOut));
    socket.on('connect_error', (error) => {
      void this.onFailure(socket, error.message === 'unauthenticated');
    });
    socket.on('disconnect', (reason) => this.onDisconnected(socket, reason));
    socket.io.on('reconnect_attempt', (attempt) => {
      const next = attempt > this.offlineAfter ? LiveStates.offline : LiveStates.reconnecting;
      this.setState(next);
    });
  }
}

/** Creates a live client; the app uses the single `live` below, tests make their own. */
export function createLiveClient(options: LiveClientOptions = {}): LiveClient {
  return new LiveConnection(options);
}

/** The tab's one live connection. */
export const live: LiveClient = createLiveClient();
