import { anchorQuote } from './anchors.js';
import { resolveSubject } from './subjects.js';
import type { ThreadsDeps } from './thread-access.service.js';
import { emitChanged, openDocument } from './thread-reading.service.js';
import { selectSubjectThreads, updateThread } from './threads.repository.js';

/**
 * After a version of a document was restored: every thread on it whose quote occurs exactly
 * once in the restored text is anchored there again (new relative positions on the restored
 * content); the others are marked removed. Emits `thread.changed` (anchored) for each.
 */
export async function reanchorDocumentThreads(
  deps: ThreadsDeps,
  documentName: string,
): Promise<void> {
  const { ctx } = deps;
  const resolved = await resolveSubject(ctx, { kind: 'document', documentName });
  if (!resolved?.document) return;
  const rows = await selectSubjectThreads(ctx.db, 'document', resolved.key, 'all');
  if (rows.length === 0) return;
  const doc = await openDocument(deps.docs, resolved);
  if (!doc) return;
  const changes: { id: string; start: string | null; end: string | null }[] = [];
  try {
    for (const row of rows) {
      if (row.anchor_quote === null) continue;
      const found = anchorQuote(doc, row.anchor_quote);
      changes.push({ id: row.id, start: found?.start ?? null, end: found?.end ?? null });
    }
  } finally {
    doc.destroy();
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const change of changes) {
      await updateThread(
        trx,
        change.id,
        change.start !== null && change.end !== null
          ? { anchor_start: change.start, anchor_end: change.end, anchor_removed: 0 }
          : { anchor_removed: 1 },
      );
    }
  });
  for (const change of changes) emitChanged(ctx, change.id, 'anchored');
}
