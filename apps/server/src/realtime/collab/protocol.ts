import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RawData } from 'ws';
import { CollabMessageTypes } from '@mesa/shared';

/** The bytes of a message as `ws` hands it over (a Buffer, fragments, or an ArrayBuffer). */
export function messageBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** A message that could not be decoded; the connection is closed with 4400. */
export class MalformedMessageError extends Error {}

/** What a client may send, decoded. */
export type IncomingMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * Reads a length-prefixed byte string, checked against what is left, and copies it: a view
 * into the socket's buffer could let a lying length read past the message.
 */
export function readBoundedBytes(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new MalformedMessageError('length');
  const bytes = decoder.arr.slice(decoder.pos, decoder.pos + length);
  decoder.pos += length;
  return bytes;
}

function readSync(decoder: decoding.Decoder): IncomingMessage {
  const step = decoding.readVarUint(decoder);
  const payload = readBoundedBytes(decoder);
  if (step === SYNC_STEP_1) return { type: 'syncStep1', stateVector: payload };
  if (step === SYNC_STEP_2) return { type: 'syncStep2', update: payload };
  if (step === SYNC_UPDATE) return { type: 'update', update: payload };
  throw new MalformedMessageError('sync step');
}

function readMessage(decoder: decoding.Decoder): IncomingMessage {
  const type = decoding.readVarUint(decoder);
  if (type === CollabMessageTypes.sync) return readSync(decoder);
  if (type === CollabMessageTypes.awareness)
    return { type: 'awareness', update: readBoundedBytes(decoder) };
  if (type === CollabMessageTypes.queryAwareness) return { type: 'queryAwareness' };
  throw new MalformedMessageError('message type');
}

/**
 * Decodes one y-websocket message. Every read is bounded by the message; trailing bytes are
 * refused. Throws MalformedMessageError for anything else (never another error type).
 */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readMessage(decoder);
    if (decoder.pos !== data.length) throw new MalformedMessageError('trailing bytes');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : 'decode');
  }
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageTypes.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: the server's state vector. */
export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SYNC_STEP_1, stateVector);
/** Sync step 2: what the client is missing. */
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SYNC_STEP_2, update);
/** A document update to relay. */
export const encodeUpdate = (update: Uint8Array) => encodeSync(SYNC_UPDATE, update);

/** An awareness update message. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageTypes.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
