import * as Y from 'yjs';
import { PLAN_FRAGMENT, fragmentToJson, type PmNode } from '@mesa/editor';
import { NotFoundError } from '../../lib/errors.js';
import type { LiveDocuments } from './live-documents.js';

/** A plan's content as ProseMirror JSON, from a stored state (a version's or the live one). */
export function planJsonOf(state: Uint8Array): PmNode {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const json = fragmentToJson(doc.getXmlFragment(PLAN_FRAGMENT));
  doc.destroy();
  return json;
}

/** The plan's current state (loaded live or from storage); 404 when the document is gone. */
export async function currentState(live: LiveDocuments, name: string): Promise<Uint8Array> {
  const state = await live.state(name);
  if (!state) throw new NotFoundError('plan');
  return state;
}
