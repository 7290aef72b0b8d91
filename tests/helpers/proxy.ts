import net from 'node:net';

/** A TCP proxy in front of a test server whose connection can be cut for real. */
export interface TcpProxy {
  /** Base URL of the proxy, e.g. http://127.0.0.1:41235 */
  url: string;
  /** Sets the port the proxy forwards to (the server starts after its origin is known). */
  forwardTo(port: number): void;
  /** Destroys every open connection and refuses new ones, like a dropped network. */
  cut(): void;
  /** Accepts connections again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy on an ephemeral port. Playwright's offline switch leaves open WebSockets
 * alone, so a real cut needs the sockets themselves destroyed.
 */
export async function startProxy(): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let target = 0;
  let down = false;
  const server = net.createServer((client) => {
    if (down || target === 0) return void client.destroy();
    const upstream = net.connect(target, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardTo(p) {
      target = p;
    },
    cut() {
      down = true;
      for (const s of open) s.destroy();
      open.clear();
    },
    restore() {
      down = false;
    },
    close() {
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
