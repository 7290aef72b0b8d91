import type { Server, Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '@mesa/shared';

// The typed server and connection, apart from io.ts so that the helpers io.ts wires up
// (commands, presence, sessions, access) can name them without importing io.ts back.

/** The typed Socket.IO server. */
export type MesaIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** One typed connection. */
export type MesaSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
