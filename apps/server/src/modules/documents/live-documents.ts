import type * as Y from 'yjs';

/**
 * What the documents service needs of the live layer, without knowing it: the collaboration
 * endpoint implements it, so a change the service makes (restoring a version) is applied to
 * the loaded document, stored and relayed to every connected editor like any other edit.
 */
export interface LiveDocuments {
  /**
   * Applies `change` to the document as the server and resolves once it is committed; false
   * when the document does not exist.
   */
  change(name: string, change: (doc: Y.Doc) => void): Promise<boolean>;
  /** The document's current full state, or null when it does not exist. */
  state(name: string): Promise<Uint8Array | null>;
}
