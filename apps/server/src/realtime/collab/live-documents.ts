import * as Y from 'yjs';
import type { LiveDocuments } from '../../modules/documents/index.js';
import { SERVER_ORIGIN } from './document.js';
import type { DocumentRegistry } from './registry.js';

/** The live layer as the documents service sees it (see LiveDocuments). */
export function liveDocuments(registry: DocumentRegistry): LiveDocuments {
  return {
    async change(name, change) {
      const doc = await registry.acquire(name);
      if (!doc) return false;
      try {
        doc.ydoc.transact(() => change(doc.ydoc), SERVER_ORIGIN);
        await new Promise<void>((resolve) => doc.whenCommitted(doc.changeSeq, resolve));
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
