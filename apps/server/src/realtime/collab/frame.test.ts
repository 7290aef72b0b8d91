import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { FramedMessage, frameBinary, sendFramed } from './frame.js';

/** ws's own framing, the reference (exported by ws, not declared by @types/ws). */
const { Sender } = createRequire(import.meta.url)('ws') as {
  Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] };
};
const wsFrame = (payload: Buffer) =>
  Buffer.concat(
    Sender.frame(payload, { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false }),
  );

describe('frameBinary', () => {
  it('frames exactly as ws does, at every payload-length boundary', () => {
    for (const length of [0, 1, 125, 126, 127, 65535, 65536, 70000]) {
      const payload = randomBytes(length);
      expect(frameBinary(payload).equals(wsFrame(payload)), `length ${length}`).toBe(true);
    }
  });

  it('frames only the view it is given', () => {
    const whole = randomBytes(300);
    const view = whole.subarray(7, 207);
    expect(frameBinary(view).equals(wsFrame(Buffer.from(view)))).toBe(true);
  });
});

describe('sendFramed', () => {
  const servers: WebSocketServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      for (const client of server.clients) client.terminate();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  /** A connected pair: the server's side and a client collecting what it receives. */
  async function pair(): Promise<{ server: WebSocket; received: Buffer[]; client: WebSocket }> {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    servers.push(wss);
    await once(wss, 'listening');
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    const [server] = (await once(wss, 'connection')) as [WebSocket];
    await once(client, 'open');
    return { server, received, client };
  }

  it('delivers the same messages, in order, as ws.send, interleaved with it', async () => {
    const { server, received } = await pair();
    const payloads = [0, 5, 125, 126, 4000, 65536, 3].map((n) => randomBytes(n));
    payloads.forEach((payload, i) => {
      if (i % 2 === 0) sendFramed(server, new FramedMessage(payload));
      else server.send(payload);
    });
    await vi.waitFor(() => expect(received).toHaveLength(payloads.length));
    received.forEach((got, i) => expect(got.equals(payloads[i]!), `message ${i}`).toBe(true));
  });

  it('counts what it writes in bufferedAmount, as ws.send does', async () => {
    const { server, client } = await pair();
    client.pause(); // the client stops reading: the bytes pile up on the server's side
    const big = new FramedMessage(randomBytes(1 << 20));
    for (let i = 0; i < 32; i++) sendFramed(server, big);
    expect(server.bufferedAmount).toBeGreaterThan(0);
  });

  it("falls back to ws.send when ws's internals are not as expected", () => {
    const send = vi.fn();
    const payload = randomBytes(10);
    sendFramed({ send } as unknown as WebSocket, new FramedMessage(payload));
    expect(send).toHaveBeenCalledWith(payload);
  });
});
