import * as Y from 'yjs';
import { ServiceUnavailableError } from '../../lib/errors.js';
import type { LiveDocuments } from '../../modules/documents/index.js';
import { SERVER_ORIGIN, type LiveDocument } from './document.js';
import type { DocumentRegistry } from './registry.js';

/** How long a service's change waits to be stored before its request is answered 503. */
const STORE_WAIT_MS = 10_000;

function committedWithin(seq: number, doc: LiveDocument, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    doc.whenCommitted(seq, () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The live layer as the documents service sees it (see LiveDocuments). */
export function liveDocuments(registry: DocumentRegistry): LiveDocuments {
  return {
    async change(name, change) {
      const doc = await registry.acquire(name);
      if (!doc) return false;
      try {
        doc.ydoc.transact(() => change(doc.ydoc), SERVER_ORIGIN);
        if (!(await committedWithin(doc.changeSeq, doc, STORE_WAIT_MS)))
          throw new ServiceUnavailableError(
            'The change is in the live document but storage is not accepting writes now; it will be stored as soon as it can. Check the plan before trying again.',
            30,
          );
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
