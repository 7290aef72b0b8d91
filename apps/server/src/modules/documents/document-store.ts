/** A document as read from the database when it is first opened. */
export interface StoredDocument {
  /** Every stored row merged into one update (empty document: null). */
  state: Uint8Array | null;
  /** Rows it was merged from (drives compaction). */
  rows: number;
  /** When its latest automatic version was saved (epoch ms), or null. */
  lastAutoVersionAt: number | null;
}

/** What one commit writes for one document. */
export interface DocumentWrite {
  name: string;
  /** Changes to append as one row (already merged), or null. */
  append: Uint8Array | null;
  /**
   * The document's whole state, to replace its rows by one: merged with every row read in the
   * same transaction, so a row another node committed meanwhile is never lost. Null: no
   * compaction.
   */
  compactTo: Uint8Array | null;
  /** An automatic version to save with this commit, or null. */
  autoVersion: { id: string; state: Uint8Array; createdBy: string | null } | null;
}

/**
 * Where collaborative documents are stored. One interface, two implementations: SQLite (a
 * worker thread with its own connection, so the event loop never waits on the disk or a lock)
 * and PostgreSQL (Kysely over the pool). A commit resolves only once it is durable; a failed
 * commit stores nothing and rejects (the caller keeps the changes and tries again).
 */
export interface DocumentStore {
  /** Reads a document's stored state; null when it does not exist. Throws on any failure. */
  load(name: string): Promise<StoredDocument | null>;
  /** Writes every document's changes in one transaction; rows of deleted documents are skipped. */
  commit(writes: readonly DocumentWrite[], at: Date): Promise<void>;
  /** Waits for what is in flight and releases the store's resources. */
  close(): Promise<void>;
}
