import type { DocumentStore, StoredDocument } from '../../modules/documents/index.js';
import { LiveDocument, REMOTE_ORIGIN, SERVER_ORIGIN } from './document.js';
import type { Persistence } from './persistence.js';
import { encodeUpdate } from './protocol.js';

/** Raised when a document exists but could not be loaded; never replaced by an empty one. */
export class DocumentLoadError extends Error {}

/**
 * Called with a document's stored state as soon as it is read, before the Y.Doc is built from
 * it (tens to hundreds of milliseconds for a large plan): a joiner can be answered from it.
 * The build waits for what it returns (at most EARLY_ANSWER_WAIT_MS), so the answer's bytes
 * leave before the build holds the event loop.
 */
export type WhenStored = (stored: StoredDocument) => Promise<void>;

/** The longest a document's build waits for early answers to be written out. */
const EARLY_ANSWER_WAIT_MS = 2000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

interface Loading {
  promise: Promise<LiveDocument | null>;
  stored: StoredDocument | null;
  whenStored: WhenStored[];
}

/**
 * Loaded documents by name. A document loads on its first holder (connection or server
 * operation), is shared by all, and unloads `idleUnloadMs` after its last holder leaves —
 * after its queued changes are committed and its rows merged.
 */
export class DocumentRegistry {
  private readonly docs = new Map<string, LiveDocument>();
  private readonly loading = new Map<string, Loading>();

  constructor(
    private readonly deps: {
      store: DocumentStore;
      persistence: Persistence;
      idleUnloadMs: number;
      onError: (error: unknown, name: string) => void;
      /** Publishes local awareness changes to other nodes (with Redis). */
      onAwareness?: (doc: LiveDocument, update: Uint8Array) => void;
    },
  ) {}

  /** How many documents are in memory. */
  get loadedCount(): number {
    return this.docs.size;
  }

  /** The loaded document, if it is loaded. */
  peek(name: string): LiveDocument | undefined {
    return this.docs.get(name);
  }

  /** Every loaded document. */
  loaded(): LiveDocument[] {
    return [...this.docs.values()];
  }

  /** The load in progress for a document, if any. */
  loadingOf(name: string): Promise<LiveDocument | null> | undefined {
    return this.loading.get(name)?.promise;
  }

  /**
   * Holds a document, loading it if needed; null when it does not exist. Every successful
   * acquire must be paired with `release`. Throws DocumentLoadError when loading fails. When
   * the document has to be loaded, `whenStored` gets its stored state first.
   */
  async acquire(name: string, whenStored?: WhenStored): Promise<LiveDocument | null> {
    const existing = this.docs.get(name);
    if (existing?.unloading) await existing.unloading;
    const loaded = this.docs.get(name);
    if (loaded) return this.hold(loaded);
    let loading = this.loading.get(name);
    if (!loading) {
      const started: Loading = { promise: Promise.resolve(null), stored: null, whenStored: [] };
      started.promise = this.load(name, started);
      this.loading.set(name, started);
      void started.promise.finally(() => this.loading.delete(name)).catch(() => undefined);
      loading = started;
    }
    if (whenStored) {
      if (loading.stored) void whenStored(loading.stored);
      else loading.whenStored.push(whenStored);
    }
    const doc = await loading.promise;
    return doc ? this.hold(doc) : null;
  }

  /** Lets go of a document; the last holder starts the idle countdown. */
  release(doc: LiveDocument): void {
    doc.holds--;
    if (doc.holds > 0) return;
    doc.unloadTimer = setTimeout(() => void this.unload(doc), this.deps.idleUnloadMs);
    doc.unloadTimer.unref();
  }

  /** Commits and unloads every document (shutdown). */
  async unloadAll(): Promise<void> {
    await Promise.all([...this.docs.values()].map((d) => this.unload(d, true)));
  }

  private hold(doc: LiveDocument): LiveDocument {
    doc.holds++;
    if (doc.unloadTimer) clearTimeout(doc.unloadTimer);
    doc.unloadTimer = null;
    return doc;
  }

  private async load(name: string, loading: Loading): Promise<LiveDocument | null> {
    let stored;
    try {
      stored = await this.deps.store.load(name);
    } catch (error) {
      throw new DocumentLoadError(error instanceof Error ? error.message : String(error));
    }
    if (!stored) return null;
    loading.stored = stored;
    const early = loading.whenStored.map((answer) => answer(stored).catch(() => undefined));
    if (early.length > 0) await Promise.race([Promise.all(early), sleep(EARLY_ANSWER_WAIT_MS)]);
    const persistence = this.deps.persistence;
    const onUpdate = (d: LiveDocument, update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) {
        // Relayed from another node, which stored it: every local peer may have it now.
        d.bytes += update.length;
        return d.broadcast(encodeUpdate(update));
      }
      // Writers get it at once (their copies protect it until it is stored); readers and other
      // nodes after the commit (Persistence).
      d.broadcast(encodeUpdate(update), origin === SERVER_ORIGIN ? null : origin, true);
      persistence.enqueue(d, update, origin);
    };
    const doc = new LiveDocument(name, stored, onUpdate, this.deps.onAwareness);
    this.docs.set(name, doc);
    return doc;
  }

  private unload(doc: LiveDocument, force = false): Promise<void> {
    if (doc.unloading) return doc.unloading;
    if (!force && doc.holds > 0) return Promise.resolve();
    // Changes not yet stored (storage busy or full) keep it in memory: a joiner meanwhile must
    // find it loaded, not wait behind an unload that waits for the disk.
    if (!force && doc.committedSeq < doc.changeSeq) {
      doc.unloadTimer = setTimeout(() => void this.unload(doc), this.deps.idleUnloadMs);
      doc.unloadTimer.unref();
      return Promise.resolve();
    }
    doc.unloading = this.deps.persistence
      .settle(doc)
      .catch((error: unknown) => this.deps.onError(error, doc.name))
      .finally(() => {
        if (this.docs.get(doc.name) === doc) this.docs.delete(doc.name);
        doc.destroy();
      });
    return doc.unloading;
  }
}
