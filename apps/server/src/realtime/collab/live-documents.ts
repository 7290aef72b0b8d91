import * as Y from 'yjs';
import type { LiveDocuments } from '../../modules/documents/index.js';
import { SERVER_ORIGIN } from './document.js';
import type { Persistence } from './persistence.js';
import type { DocumentRegistry } from './registry.js';

/** The live layer as the documents service sees it (see LiveDocuments). */
export function liveDocuments(registry: DocumentRegistry, persistence: Persistence): LiveDocuments {
  return {
    async change(name, change) {
      const doc = await registry.acquire(name);
      if (!doc) return false;
      try {
        doc.ydoc.transact(() => change(doc.ydoc), SERVER_ORIGIN);
        await persistence.flush();
        if (doc.failed) throw new Error(`could not store the change to ${name}`);
        return true;
      } finally {
        registry.release(doc);
      }
    },
    async state(name) {
      const doc = await registry.acquire(name);
      if (!doc) return null;
      try {
        return Y.encodeStateAsUpdate(doc.ydoc);
      } finally {
        registry.release(doc);
      }
    },
  };
}
