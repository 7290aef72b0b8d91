// The comments benchmark's program: a plan with text, then threads on its passages and replies,
// all through the HTTP API as people post them (so the rows are what users' requests write).
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { PLAN_FRAGMENT } from '@mesa/editor';
import { ThreadSchema, mentionToken, planDocumentName } from '@mesa/shared';
import type { MesaUnderTest } from './mesa.js';

const PARAGRAPHS = 60;
const WORDS = 'baseline indicator coordination border municipal prevention training youth'.split(
  ' ',
);

function sentence(i: number): string {
  const words: string[] = [];
  for (let w = 0; w < 40; w += 1) words.push(WORDS[(i * 7 + w * 3) % WORDS.length]!);
  return `Paragraph ${i}: ${words.join(' ')}.`;
}

function cookieSocket(cookie: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  } as unknown as typeof WebSocket;
}

/** A passage of the plan: the relative positions the editor would post (the server quotes it). */
interface Passage {
  start: string;
  end: string;
}

const b64 = (pos: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(pos)).toString('base64');

/** Writes paragraphs into the plan through the document endpoint and returns passages of them. */
async function writePlan(mesa: MesaUnderTest): Promise<{ passages: Passage[]; done: () => void }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    mesa.url.replace('http', 'ws') + '/collab',
    planDocumentName(mesa.programId),
    doc,
    { WebSocketPolyfill: cookieSocket(mesa.people[0]!.cookie) as never, disableBc: true },
  );
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const fragment = doc.getXmlFragment(PLAN_FRAGMENT);
  const texts: Y.XmlText[] = [];
  doc.transact(() => {
    for (let i = 0; i < PARAGRAPHS; i += 1) {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, sentence(i));
      paragraph.insert(0, [text]);
      fragment.push([paragraph]);
      texts.push(text);
    }
  });
  // The endpoint stores within milliseconds (grouped commits); the document stays loaded while
  // this provider is connected, and thread anchors are checked against it.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const passages: Passage[] = [];
  for (let k = 0; k < 500; k += 1) {
    const text = texts[k % texts.length]!;
    const whole = sentence(k % texts.length);
    const from = (k * 13) % (whole.length - 30);
    const to = from + 10 + (k % 20);
    passages.push({
      start: b64(Y.createRelativePositionFromTypeIndex(text, from)),
      end: b64(Y.createRelativePositionFromTypeIndex(text, to, -1)),
    });
  }
  return {
    passages,
    done: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

async function postAs(mesa: MesaUnderTest, person: number, path: string, body: unknown) {
  const res = await fetch(`${mesa.url}${path}`, {
    method: 'POST',
    headers: { cookie: mesa.people[person]!.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return ThreadSchema.parse(await res.json());
}

/** Runs `tasks` with at most `width` at a time. */
async function pool(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

/**
 * `threads` threads on the plan's passages, each with `repliesEach` replies, spread over the
 * people so nobody passes the per-minute limits (Limits.threadsPerMinute, commentsPerMinute).
 * Every tenth comment mentions someone. Returns the thread ids in creation order.
 */
export async function seedThreads(
  mesa: MesaUnderTest,
  threads: number,
  repliesEach: number,
): Promise<string[]> {
  const plan = await writePlan(mesa);
  const subject = { kind: 'document', documentName: planDocumentName(mesa.programId) };
  const n = mesa.people.length;
  const ids: string[] = new Array<string>(threads);
  const text = (i: number) => {
    const other = mesa.people[(i * 31 + 5) % n]!;
    const mention = i % 10 === 0 ? ` ${mentionToken(other.userId, other.name)}` : '';
    return `Comment ${i}: the baseline of this indicator needs a source and a date.${mention}`;
  };
  await pool(
    Array.from({ length: threads }, (_, k) => async () => {
      const thread = await postAs(mesa, k % n, '/api/threads', {
        subject,
        anchor: plan.passages[k % plan.passages.length],
        body: text(k),
      });
      ids[k] = thread.id;
    }),
    8,
  );
  plan.done();
  const replies: (() => Promise<void>)[] = [];
  for (let k = 0; k < threads; k += 1)
    for (let j = 0; j < repliesEach; j += 1) {
      const i = k * repliesEach + j;
      replies.push(async () => {
        await postAs(mesa, (i + 1) % n, `/api/threads/${ids[k]}/comments`, { body: text(i) });
      });
    }
  await pool(replies, 8);
  return ids;
}
