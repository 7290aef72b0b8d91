import type { Kysely } from 'kysely';

/**
 * The thread list pages newest first by (created_at, id) — a keyset, never an offset — so its
 * index ends with both: a page is read straight off the index, and a plan with hundreds of
 * threads answers its first page without sorting them all. It replaces 0008's
 * `threads_subject_idx` (subject_kind, subject_key, created_at), of which it is an extension.
 */
export function threadListIndex() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('threads_subject_list_idx')
        .on('threads')
        .columns(['subject_kind', 'subject_key', 'created_at', 'id'])
        .execute();
      await db.schema.dropIndex('threads_subject_idx').execute();
    },
  };
}
