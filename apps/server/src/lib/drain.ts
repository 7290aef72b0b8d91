import type { Readable } from 'node:stream';

/**
 * Reads and discards what is left of a request body, up to `limitBytes`, and resolves when it
 * ended, failed, or passed the limit. Answering a refused upload before its client finished
 * sending, then closing, makes the client see EPIPE or a reset instead of the answer.
 */
export function drainBody(body: Readable, limitBytes: number): Promise<void> {
  return new Promise((resolve) => {
    if (body.readableEnded || body.destroyed) {
      resolve();
      return;
    }
    let seen = 0;
    const finish = () => {
      body.off('data', onData);
      body.off('end', finish);
      body.off('error', finish);
      body.off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer | string) => {
      seen += chunk.length;
      if (seen > limitBytes) finish();
    };
    body.on('data', onData);
    body.once('end', finish);
    body.once('error', finish);
    body.once('close', finish);
    body.resume();
  });
}
