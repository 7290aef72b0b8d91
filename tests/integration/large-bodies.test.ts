import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';

const CHUNK = 64 * 1024;

/**
 * Uploads `body` on a raw connection as a plain client does: every byte written (respecting
 * back-pressure), then the reply read until the server closes. Rejects on a write error (EPIPE,
 * reset), which is what a client sees when the server closes while it still sends.
 */
function upload(server: TestServer, body: Buffer, chunked: boolean): Promise<string> {
  const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`;
  const head =
    `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${server.origin}\r\n` +
    `Content-Type: application/json\r\n${framing}\r\n\r\n`;
  const pieces: Buffer[] = [Buffer.from(head)];
  for (let at = 0; at < body.length; at += CHUNK) {
    const part = body.subarray(at, at + CHUNK);
    pieces.push(chunked ? Buffer.from(`${part.length.toString(16)}\r\n`) : Buffer.alloc(0), part);
    if (chunked) pieces.push(Buffer.from('\r\n'));
  }
  if (chunked) pieces.push(Buffer.from('0\r\n\r\n'));
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (received += data));
    socket.on('error', reject);
    socket.on('close', (hadError) => (hadError ? undefined : resolve(received)));
    let next = 0;
    const pump = () => {
      while (next < pieces.length) {
        if (!socket.write(pieces[next++]!)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

// A body over the 1 MiB limit is refused before it is parsed (a password is never hashed), and
// the server reads the rest of it (up to 8 MiB) before closing, so a client still sending reads
// the 413 instead of a broken pipe. On loopback the kernel's buffers swallow a 1 MiB body
// whole, hiding the early close; 4 MiB bodies make it visible (every client failed before).
describe('request bodies over the limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  const password = (bytes: number) =>
    Buffer.from(JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(bytes) }));

  it('answers 413 payload_too_large to every one of many concurrent uploads, none cut off', async () => {
    const body = password(4 * 1024 * 1024);
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => upload(server, body, i % 3 === 2)),
    );
    for (const reply of replies) {
      expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
      const payload = reply.slice(reply.indexOf('\r\n\r\n') + 4);
      expect(ErrorBodySchema.parse(JSON.parse(payload)).error.code).toBe('payload_too_large');
    }
  });
});
