import { parseDocumentName, type DocumentKind } from '@mesa/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { insertDocumentIfAbsent, insertUpdates } from './documents.repository.js';

/**
 * Creates a document of one kind when it is missing but ought to exist (a live meeting's
 * minutes whose creation has not run yet): idempotent, never a second template.
 */
export type DocumentCreator = (ctx: ServiceContext, id: string) => Promise<void>;

const creators = new Map<DocumentKind, DocumentCreator>();

/** Lets another module create its documents on demand (meetings register `minutes`). */
export function registerDocumentCreator(kind: DocumentKind, creator: DocumentCreator): void {
  creators.set(kind, creator);
}

/**
 * Called by the document endpoint once a connection is authorized (read or write) and before
 * the document is loaded: a document whose kind creates on demand is created now if its
 * owner says it should exist, so a connection arriving in the instant between a meeting going
 * live and its minutes being written finds them instead of "no such document". Plans are
 * created with their program and are never created here.
 */
export async function ensureDocument(ctx: ServiceContext, name: string): Promise<void> {
  const doc = parseDocumentName(name);
  const creator = doc && creators.get(doc.kind);
  if (creator) await creator(ctx, doc.id);
}

/**
 * Writes a document row and its first content inside the caller's transaction; the row is the
 * guard, so the content is written at most once. Returns true when it created the document.
 */
export async function createDocumentWithContent(
  trx: Kysely<Database>,
  input: { name: string; kind: DocumentKind; content: Uint8Array; at: Date },
): Promise<boolean> {
  const created_at = input.at.toISOString();
  const created = await insertDocumentIfAbsent(trx, {
    name: input.name,
    kind: input.kind,
    created_at,
  });
  if (!created) return false;
  await insertUpdates(trx, [{ document: input.name, update: input.content, created_at }]);
  return true;
}
