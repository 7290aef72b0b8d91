import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { CloseCodes, parseDocumentName } from '@mesa/shared';
import type { Actor, DocumentAccess } from '../../authz/index.js';
import type { StoredDocument } from '../../modules/documents/index.js';
import { wantsAck } from './ack.js';
import { CollabClient, type AccessMode, type MessageLimits } from './client.js';
import { answerFromStored, catchUp } from './early-sync.js';
import { MessageRate } from './limits.js';
import { DocumentLoadError, type DocumentRegistry } from './registry.js';

/** Path prefix of the document endpoint. */
export const COLLAB_PATH = '/collab/';

/** What accepting a connection needs; the endpoint builds it once. */
export interface ConnectionDeps {
  registry: DocumentRegistry;
  authenticate: (cookie: string | undefined) => Promise<Actor | null>;
  access: (actor: Actor, documentName: string) => Promise<DocumentAccess>;
  /**
   * Runs once a connection is authorized, before the document loads: creates a document that
   * should exist but is not written yet (a live meeting's minutes). Optional.
   */
  prepare?: (documentName: string) => Promise<void>;
  maxMessagesPerSecond: number;
  limits: MessageLimits;
  onOpen: (client: CollabClient) => void;
  onClose: (client: CollabClient) => void;
  onError: (error: unknown, documentName: string) => void;
}

/** The document name and query of an upgrade URL, e.g. `/collab/plan:abc?ack=1`. */
export function parseCollabUrl(url: string | undefined): { name: string; query: URLSearchParams } {
  const parsed = new URL(url ?? '/', 'http://localhost');
  let name = '';
  try {
    name = decodeURIComponent(parsed.pathname.slice(COLLAB_PATH.length));
  } catch {
    name = '';
  }
  return { name, query: parsed.searchParams };
}

/** The one place a close code is chosen for a refused document connection. */
function accessMode(access: DocumentAccess): AccessMode | number {
  if (access === 'write' || access === 'read') return access;
  return access === 'missing' ? CloseCodes.notFound : CloseCodes.forbidden;
}

function rawLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

/** A socket error ends in 'close', which the client handles; unheard, it would crash the process. */
const ignoreError = () => undefined;

/**
 * Takes an accepted socket through authentication, document access and loading, then hands
 * it to a CollabClient. The message listener is attached before the first await and what
 * arrives meanwhile is replayed, so a fast client's first messages are not lost.
 */
export function acceptConnection(
  ws: WebSocket,
  request: IncomingMessage,
  deps: ConnectionDeps,
): void {
  const rate = new MessageRate(deps.maxMessagesPerSecond);
  const queued: RawData[] = [];
  let queuedBytes = 0;
  // Before the connection is authorized, at most one message's worth is held, whatever its kind.
  const hold = (data: RawData) => {
    queuedBytes += rawLength(data);
    if (queuedBytes > deps.limits.maxMessageBytes)
      return ws.close(CloseCodes.messageTooBig, 'message too big');
    if (rate.allow()) queued.push(data);
    else ws.close(CloseCodes.tooManyMessages, 'too many messages');
  };
  ws.on('message', hold);
  ws.on('error', ignoreError);
  // Read now, so that nothing kept for the life of the connection holds the request or its URL.
  const cookie = request.headers.cookie;
  const { name, query } = parseCollabUrl(request.url);
  const ackEnabled = wantsAck(query);
  const arrival: Arrival = { cookie, name, queued, answeredFrom: null };
  void admit(ws, arrival, deps).then(
    (admitted) => {
      ws.off('message', hold);
      if (!admitted || ws.readyState !== ws.OPEN) {
        if (admitted) deps.registry.release(admitted.doc);
        return;
      }
      const client = new CollabClient({
        ws,
        doc: admitted.doc,
        actor: admitted.actor,
        mode: admitted.mode,
        ackEnabled,
        cookie,
        rate,
        limits: deps.limits,
        onClose: onClientClose(deps),
      });
      deps.onOpen(client);
      client.start(queued);
      if (arrival.answeredFrom) catchUp(client, arrival.answeredFrom);
    },
    (error: unknown) => {
      deps.onError(error, name);
      ws.close(1011, 'server error');
    },
  );
}

/** What a closing client does (made outside acceptConnection, so it holds nothing of it). */
function onClientClose(deps: ConnectionDeps): (client: CollabClient) => void {
  return (client) => {
    deps.registry.release(client.doc);
    deps.onClose(client);
  };
}

/** What admission reads of the upgrade, the messages held meanwhile, and any early answer. */
interface Arrival {
  cookie: string | undefined;
  name: string;
  queued: RawData[];
  /** The stored state the joiner's sync step 1 was answered from while its document loaded. */
  answeredFrom: StoredDocument | null;
}

async function admit(ws: WebSocket, arrival: Arrival, deps: ConnectionDeps) {
  const { cookie, name, queued } = arrival;
  const refuse = (code: number, reason: string) => {
    ws.close(code, reason);
    return null;
  };
  const actor = await deps.authenticate(cookie);
  if (!actor) return refuse(CloseCodes.noSession, 'no session');
  if (!parseDocumentName(name)) return refuse(CloseCodes.notFound, 'no such document');
  const mode = accessMode(await deps.access(actor, name));
  if (typeof mode === 'number')
    return refuse(mode, mode === CloseCodes.notFound ? 'no such document' : 'forbidden');
  let doc;
  try {
    await deps.prepare?.(name);
    doc = await deps.registry.acquire(name, async (stored) => {
      if (await answerFromStored(ws, queued, stored)) arrival.answeredFrom = stored;
    });
  } catch (error) {
    if (!(error instanceof DocumentLoadError)) throw error;
    deps.onError(error, name);
    return refuse(1011, 'document unavailable');
  }
  if (!doc) return refuse(CloseCodes.notFound, 'no such document');
  return { doc, actor, mode };
}
