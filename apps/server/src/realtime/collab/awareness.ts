import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CollabLimits, type AwarenessUser } from '@mesa/shared';
import type { Actor } from '../../authz/index.js';
import { MalformedMessageError } from './protocol.js';

// A fixed palette: the colour follows the organization, so a person's caret looks like their
// colleagues' and cannot be chosen to imitate someone else's.
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
];

function colorOf(organizationId: string): string {
  let hash = 0;
  for (const ch of organizationId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** The awareness `user` field for an actor (shared's AwarenessUserSchema). */
export function awarenessUser(actor: Actor): AwarenessUser {
  return {
    id: actor.userId,
    name: actor.name,
    organizationId: actor.organizationId,
    organization: actor.organizationName,
    color: colorOf(actor.organizationId),
  };
}

/** Who owns which awareness client ids in one document, and the connection asking. */
export interface AwarenessScope {
  /** Client ids owned by the connection sending the update. */
  own: Set<number>;
  /** True when another connection of the document owns the id. */
  ownedByOther(clientId: number): boolean;
  /** The server's own id in the document (never claimable). */
  serverClientId: number;
  user: AwarenessUser;
}

function sanitizeState(json: string, user: AwarenessUser): string | null {
  if (json.length > CollabLimits.awarenessStateBytes) throw new MalformedMessageError('state size');
  const state: unknown = JSON.parse(json);
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) throw new MalformedMessageError('state');
  return JSON.stringify({ ...state, user });
}

/**
 * Rewrites an awareness update from a client: each state's `user` becomes the session's;
 * entries for ids another connection owns are dropped (no spoofing, no removing others);
 * a connection owns at most a few ids. Returns the re-encoded update, or null if nothing is
 * left. Throws MalformedMessageError for undecodable input.
 *
 * The number of entries is not what a connection owns: the stock y-websocket client sends on
 * every awareness change it hears, others' included, so a joiner echoes everyone's state at
 * once. Refusing more entries than one connection may own closed the sixth person to join a
 * plan (4400); the work stays bounded by the message size limit and the per-state size.
 */
export function sanitizeAwarenessUpdate(
  update: Uint8Array,
  scope: AwarenessScope,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const kept: [number, number, string][] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (clientId === scope.serverClientId || scope.ownedByOther(clientId)) continue;
    const state = sanitizeState(json, scope.user);
    if (!scope.own.has(clientId)) {
      if (state === 'null') continue; // removing a state one never had: nothing to do
      if (scope.own.size >= CollabLimits.awarenessEntriesPerConnection) continue;
      scope.own.add(clientId);
    }
    kept.push([clientId, clock, state ?? 'null']);
  }
  if (decoder.pos !== update.length) throw new MalformedMessageError('trailing bytes');
  if (kept.length === 0) return null;
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
