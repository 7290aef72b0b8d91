import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { commitDocumentWrites, type UpdateJournal } from '../../modules/documents/index.js';
import {
  firstUserId,
  groupBy,
  groupByOrigin,
  maintenanceDue,
  relay,
  relayOne,
  takeBatch,
} from './batch.js';
import type { LiveDocument, PendingUpdate } from './document.js';

export { COMPACT_AFTER_ROWS } from './batch.js';

/**
 * Journaled changes are written to the database once changes pause this long (typing comes in
 * bursts: the flush lands between them, not in the middle)…
 */
export const JOURNAL_QUIET_MS = 100;
/** …or, while changes keep coming, at the latest this long after the first one waiting. */
export const JOURNAL_MAX_DELAY_MS = 1000;
/** How long a failed journal flush waits before it tries again. */
const JOURNAL_RETRY_MS = 1000;

/**
 * Stores what accepted messages changed, then relays it. Two ways, by database:
 *
 * - SQLite: the first change of a tick is appended to the update journal at once (one
 *   `write`, durable across a crash of the process when it returns), then relayed and
 *   acknowledged; changes arriving later in the same tick are appended together (one `write`)
 *   at its end and relayed merged. The journal's records reach the database when changes
 *   pause for JOURNAL_QUIET_MS (at the latest JOURNAL_MAX_DELAY_MS after the first waiting),
 *   many per transaction, holding Kysely's connection so no other transaction is open
 *   meanwhile.
 * - PostgreSQL: changes queue per document and once per tick every queued change is written in
 *   one transaction, and only after the commit relayed and acknowledged.
 *
 * Async work (commits, compactions, journal flushes, unloads) runs one task at a time on a
 * chain, so it never overlaps; compaction merges the rows it reads with the in-memory state
 * (which already holds every journaled change), so a row flushed after it repeats changes the
 * merged row has, which Yjs ignores.
 */
export class Persistence {
  private readonly dirty = new Set<LiveDocument>();
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private journalTimer: NodeJS.Timeout | null = null;
  /** When the last change was journaled, and the first one not yet flushed (performance.now). */
  private lastJournaledAt = 0;
  private firstUnflushedAt: number | null = null;
  /** SQLite: whether a change was journaled in this tick; later ones wait for its end. */
  private tickOpen = false;
  /** SQLite: the tick's changes after its first, journaled and relayed together at its end. */
  private tick: (PendingUpdate & { doc: LiveDocument })[] = [];
  /** Documents with a compaction or automatic version scheduled. */
  private readonly maintaining = new Set<LiveDocument>();

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      /** SQLite: the write-ahead journal changes are appended to before they are relayed. */
      journal?: UpdateJournal | null;
      now: () => Date;
      onFailure: (doc: LiveDocument, error: unknown) => void;
      onError: (error: unknown) => void;
      /** Called with each change once it is stored and relayed to local peers (publishing). */
      onStored?: (doc: LiveDocument, update: Uint8Array) => void;
    },
  ) {}

  /** Stores and relays (journal) or queues (PostgreSQL) a change the Y.Doc made. */
  enqueue(doc: LiveDocument, update: Uint8Array, origin: unknown): void {
    if (doc.failed) return;
    doc.bytes += update.length;
    if (this.deps.journal) {
      if (this.tickOpen) {
        this.tick.push({ doc, update, origin });
        return;
      }
      // The first change of a tick goes at once (no wait when the load is light); those that
      // arrive in the same tick go together at its end (one write, one message per client).
      // The tick is opened after the relay: nothing but the write waits in front of it.
      this.journalChanges([{ doc, update, origin }]);
      this.tickOpen = true;
      setImmediate(this.closeTick);
      return;
    }
    doc.pending.push({ update, origin });
    this.dirty.add(doc);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.flush().catch((error: unknown) => this.deps.onError(error));
    });
  }

  private readonly closeTick = () => {
    this.tickOpen = false;
    this.journalTick();
  };

  /** Resolves once everything queued so far is committed (or failed). */
  flush(): Promise<void> {
    this.scheduled = false;
    this.journalTick();
    return this.run(() => this.commitDirty());
  }

  /** Resolves once the database holds every journaled change (before a document loads). */
  ready(): Promise<void> {
    if (!this.deps.journal || this.deps.journal.pendingCount === 0) return Promise.resolve();
    return this.run(() => this.flushJournal());
  }

  /** Commits what is queued, then merges the document's rows into one if it has several. */
  settle(doc: LiveDocument): Promise<void> {
    this.journalTick();
    return this.run(async () => {
      await this.commitDirty();
      await this.flushJournal();
      if (doc.failed || doc.rowsSinceCompaction <= 1) return;
      await this.writeState(doc, true, false);
    });
  }

  /** Stores everything and closes the journal (shutdown, after every document unloaded). */
  close(): Promise<void> {
    if (this.journalTimer) clearTimeout(this.journalTimer);
    this.journalTimer = null;
    const journal = this.deps.journal;
    this.journalTick();
    return this.run(async () => {
      await this.commitDirty();
      if (journal) await this.deps.db.connection().execute(async () => journal.close());
    });
  }

  /** Journals the changes queued in this tick. */
  private journalTick(): void {
    if (this.tick.length === 0) return;
    const changes = this.tick;
    this.tick = [];
    this.journalChanges(changes);
  }

  /**
   * Journals changes in one write, then relays and acknowledges them. Compaction and versions
   * are only scheduled here (they run in a later tick); publishing to other nodes and the
   * database flush come after every relay.
   */
  private journalChanges(all: (PendingUpdate & { doc: LiveDocument })[]): void {
    const journal = this.deps.journal!;
    const changes = all.filter((c) => !c.doc.failed);
    if (changes.length === 0) return;
    const at = this.deps.now();
    try {
      journal.append(
        changes.map((c) => ({ document: c.doc.name, update: c.update })),
        at.getTime(),
      );
    } catch (error) {
      // Nothing was relayed; the documents are closed, outside any Y.Doc's update event.
      for (const doc of new Set(changes.map((c) => c.doc))) {
        doc.failed = true;
        setImmediate(() => this.deps.onFailure(doc, error));
      }
      return;
    }
    for (const c of changes) c.doc.rowsSinceCompaction++;
    if (changes.length === 1) {
      // The common case, one change in its tick: no grouping by document and origin.
      const { doc, update, origin } = changes[0]!;
      relayOne(doc, update, origin, () => Y.encodeStateVector(doc.ydoc));
      this.scheduleMaintenance(doc, at, firstUserId([origin]));
    } else {
      for (const [doc, list] of groupBy(changes, (c) => c.doc)) {
        const groups = groupByOrigin(list);
        relay(doc, groups, () => Y.encodeStateVector(doc.ydoc));
        this.scheduleMaintenance(doc, at, firstUserId(groups.keys()));
      }
    }
    for (const c of changes) this.deps.onStored?.(c.doc, c.update);
    this.lastJournaledAt = performance.now();
    this.firstUnflushedAt ??= this.lastJournaledAt;
    if (!this.journalTimer) this.armJournalFlush(JOURNAL_QUIET_MS);
  }

  /**
   * One timer, re-armed only when it fires (not per change): the flush waits until changes
   * have paused for JOURNAL_QUIET_MS, or the first waiting one is JOURNAL_MAX_DELAY_MS old.
   */
  private armJournalFlush(delayMs: number): void {
    this.journalTimer = setTimeout(() => {
      this.journalTimer = null;
      const now = performance.now();
      const quietFor = now - this.lastJournaledAt;
      const waited = now - (this.firstUnflushedAt ?? now);
      if (quietFor < JOURNAL_QUIET_MS && waited < JOURNAL_MAX_DELAY_MS) {
        const wait = Math.min(JOURNAL_QUIET_MS - quietFor, JOURNAL_MAX_DELAY_MS - waited);
        return this.armJournalFlush(Math.max(1, wait));
      }
      this.firstUnflushedAt = null;
      this.run(() => this.flushJournal()).catch((error: unknown) => {
        this.deps.onError(error);
        if (!this.journalTimer) this.armJournalFlush(JOURNAL_RETRY_MS);
      });
    }, delayMs);
  }

  /** Writes the journal's pending records, holding the connection (no transaction is open). */
  private async flushJournal(): Promise<void> {
    const journal = this.deps.journal;
    if (!journal || journal.pendingCount === 0) return;
    await this.deps.db.connection().execute(async () => journal.flush());
  }

  /** Compaction and automatic versions: after the relay, in a later tick, on the chain. */
  private scheduleMaintenance(doc: LiveDocument, at: Date, createdBy: string | null): void {
    const { compact, due } = maintenanceDue(doc, at);
    if ((!compact && !due) || this.maintaining.has(doc)) return;
    this.maintaining.add(doc);
    if (due) doc.lastAutoVersionAt = at.getTime(); // at most one an hour, even if it fails
    setImmediate(() => {
      this.run(() => this.writeState(doc, compact, due, createdBy))
        .catch((error: unknown) => this.deps.onError(error))
        .finally(() => this.maintaining.delete(doc));
    });
  }

  /** Writes the full state as the merged row and/or an automatic version. */
  private async writeState(
    doc: LiveDocument,
    compact: boolean,
    version: boolean,
    createdBy: string | null = null,
  ): Promise<void> {
    if (doc.failed) return;
    // Taken inside the task: every change applied so far is committed (the chain is in order)
    const state = Y.encodeStateAsUpdate(doc.ydoc);
    const write = {
      name: doc.name,
      append: null,
      // With the journal (SQLite) this process wrote every row and holds it in memory.
      compactTo: compact ? { state, holdsEveryRow: this.deps.journal != null } : null,
      autoVersion: version ? { state, createdBy } : null,
    };
    await commitDocumentWrites(this.deps.db, [write], this.deps.now());
    if (!compact) return;
    // Rows appended while the write ran are kept (they come after the merged row).
    doc.rowsSinceCompaction = 1;
    doc.bytes = state.length;
  }

  private run(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async commitDirty(): Promise<void> {
    if (this.dirty.size === 0) return;
    const at = this.deps.now();
    const batches = [...this.dirty].filter((d) => !d.failed).map((d) => takeBatch(d));
    this.dirty.clear();
    try {
      await commitDocumentWrites(
        this.deps.db,
        batches.map((b) => b.write),
        at,
      );
    } catch (error) {
      for (const b of batches) this.deps.onFailure(b.doc, error);
      return;
    }
    for (const b of batches) {
      relay(b.doc, b.groups, b.storedStateVector);
      if (b.write.append) this.deps.onStored?.(b.doc, b.write.append);
      this.scheduleMaintenance(b.doc, at, firstUserId(b.groups.keys()));
    }
  }
}
