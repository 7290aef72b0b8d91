// A listener thread of the meetings benchmark: holds Socket.IO clients as the web app's live
// connection does (websocket transport), each in the meeting's room, and records on the
// process-wide monotonic clock when each receives the `meeting.state` of each sequence.
import { parentPort } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_IO_PATH } from '@mesa/shared';
import { stateKey, type Command, type Reply } from './protocol.js';

const port = parentPort!;
let sockets: Socket[] = [];
const arrivals = new Map<number, bigint[]>();
const waiting = new Map<number, () => void>();
let captured: unknown = null;

function received(index: number, payload: unknown): void {
  const at = process.hrtime.bigint();
  const key = stateKey(payload);
  if (key === null) return;
  if (index === 0) captured = payload;
  let times = arrivals.get(key);
  if (!times) arrivals.set(key, (times = []));
  times[index] ??= at;
  if (times.filter(Boolean).length === sockets.length) waiting.get(key)?.();
}

async function connect(command: Extract<Command, { type: 'connect' }>): Promise<void> {
  sockets = command.cookies.map((cookie, index) => {
    const socket = io(command.urls[index % command.urls.length], {
      path: SOCKET_IO_PATH,
      transports: ['websocket'],
      extraHeaders: cookie ? { cookie } : {},
      reconnection: false,
    });
    socket.on('meeting.state', (payload: unknown) => received(index, payload));
    return socket;
  });
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve, reject) => {
          socket.once('connect', () => {
            if (!command.meetingId) return resolve();
            socket.emit(
              'meeting.join',
              { meetingId: command.meetingId },
              (ack: { ok: boolean; error?: { code: string; message: string } }) =>
                ack.ok
                  ? resolve()
                  : reject(new Error(`meeting.join refused: ${JSON.stringify(ack.error)}`)),
            );
          });
          socket.once('connect_error', reject);
        }),
    ),
  );
}

function awaitKey(key: number, timeoutMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(key);
      const times = arrivals.get(key) ?? [];
      arrivals.delete(key);
      resolve(times.map(String));
    };
    const timer = setTimeout(() => {
      waiting.delete(key);
      const got = (arrivals.get(key) ?? []).filter(Boolean).length;
      reject(new Error(`${got} of ${sockets.length} clients received sequence ${key}`));
    }, timeoutMs);
    waiting.set(key, done);
    if ((arrivals.get(key) ?? []).filter(Boolean).length === sockets.length) done();
  });
}

port.on('message', (command: Command) => {
  const reply = (message: Reply) => port.postMessage(message);
  const fail = (error: unknown) => port.postMessage({ type: 'failed', error: String(error) });
  switch (command.type) {
    case 'connect':
      connect(command).then(() => reply({ type: 'connected' }), fail);
      break;
    case 'await':
      awaitKey(command.key, command.timeoutMs).then(
        (times) => reply({ type: 'arrived', times }),
        fail,
      );
      break;
    case 'capture':
      reply({ type: 'captured', payload: captured });
      break;
    case 'close':
      for (const socket of sockets) socket.close();
      sockets = [];
      reply({ type: 'closed' });
      break;
  }
});
