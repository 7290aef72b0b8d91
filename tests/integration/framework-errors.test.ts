import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';

/** Sends raw bytes on a fresh connection and resolves with everything read until it closes. */
function rawExchange(server: TestServer, chunks: string[]): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (received += data));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    for (const chunk of chunks) socket.write(chunk);
  });
}

function parseReply(raw: string) {
  const [head = '', payload = ''] = raw.split('\r\n\r\n');
  const status = Number(head.split(' ')[1]);
  return { status, head, error: ErrorBodySchema.parse(JSON.parse(payload)).error };
}

// Errors Fastify and Node's HTTP parser make before any route runs answer in the same shape as
// every other error, so a client parses one shape whatever went wrong.
describe('errors made by the framework', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ app: { requestTimeoutMs: 400 } });
  });
  afterAll(async () => server?.close());

  it('answers a request whose body never finishes with 408 request_timeout', async () => {
    const reply = parseReply(
      await rawExchange(server, [
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          'Content-Length: 100\r\n\r\n{"email":',
      ]),
    );
    expect(reply.status).toBe(408);
    expect(reply.head).toMatch(/content-type: application\/json/i);
    expect(reply.error.code).toBe('request_timeout');
  });

  it('answers malformed HTTP with 400 bad_request', async () => {
    const reply = parseReply(await rawExchange(server, ['NOT HTTP AT ALL\r\n\r\n']));
    expect(reply.status).toBe(400);
    expect(reply.error.code).toBe('bad_request');
  });

  it('answers oversized headers with 431 in the error shape', async () => {
    const big = `X-Big: ${'a'.repeat(20_000)}\r\n`;
    const reply = parseReply(
      await rawExchange(server, [`GET /api/health HTTP/1.1\r\nHost: x\r\n${big}\r\n`]),
    );
    expect(reply.status).toBe(431);
    expect(reply.error.code).toBe('bad_request');
  });

  it('answers a malformed URL with 400 bad_request and an unknown route with 404 not_found', async () => {
    const bad = parseReply(
      await rawExchange(server, [
        'GET /api/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.error.code).toBe('bad_request');
    const missing = await fetch(`${server.url}/api/no-such-route`);
    expect(missing.status).toBe(404);
    expect(ErrorBodySchema.parse(await missing.json()).error.code).toBe('not_found');
  });
});
