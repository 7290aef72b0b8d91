import { IdSchema } from '../ids.js';

/** Kinds of collaborative document: a program's plan, a meeting's live minutes. */
export const DocumentKinds = ['plan', 'minutes'] as const;

/** A document kind. */
export type DocumentKind = (typeof DocumentKinds)[number];

/** A parsed document name, e.g. `plan:<programId>`. */
export interface DocumentName {
  kind: DocumentKind;
  id: string;
}

/** Longest document name accepted (a kind, a colon and an id). */
export const MAX_DOCUMENT_NAME_LENGTH = 80;

/** Parses `plan:<id>` or `minutes:<id>`; null for anything else (unknown kinds refused). */
export function parseDocumentName(name: string): DocumentName | null {
  if (name.length > MAX_DOCUMENT_NAME_LENGTH) return null;
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  const kind = name.slice(0, colon);
  const id = name.slice(colon + 1);
  if (!(DocumentKinds as readonly string[]).includes(kind)) return null;
  if (!IdSchema.safeParse(id).success) return null;
  return { kind: kind as DocumentKind, id };
}

/** Formats a document name. */
export function formatDocumentName(doc: DocumentName): string {
  return `${doc.kind}:${doc.id}`;
}

/** The plan document of a program. */
export function planDocumentName(programId: string): string {
  return formatDocumentName({ kind: 'plan', id: programId });
}
