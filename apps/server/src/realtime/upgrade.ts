import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { SOCKET_IO_PATH } from '@mesa/shared';

/** Handles an HTTP upgrade for one path prefix. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Writes a bare HTTP error response on an upgrade socket and closes it. */
export function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (socket.writable)
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * Routes every HTTP upgrade by path before anything else sees it. `/socket.io/` upgrades are
 * left untouched for Socket.IO, which attaches its own listener to the same server (when it
 * is not attached they are refused, rather than left hanging); each registered prefix gets
 * its handler; any other path gets 404. Socket.IO's engine would otherwise destroy unknown
 * upgrades after a second, and @fastify/websocket would 404 Socket.IO's — see docs/collab.md.
 */
export function routeUpgrades(server: Server, routes: Record<string, UpgradeHandler>): () => void {
  const listener = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset during the handshake must not become an uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(SOCKET_IO_PATH)) {
      if (server.listenerCount('upgrade') > 1) return;
      return refuseUpgrade(socket, 404, 'Not Found');
    }
    for (const [prefix, handle] of Object.entries(routes))
      if (path.startsWith(prefix)) return handle(request, socket, head);
    refuseUpgrade(socket, 404, 'Not Found');
  };
  server.on('upgrade', listener);
  return () => server.off('upgrade', listener);
}
