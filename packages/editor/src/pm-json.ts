import type * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';

/** A mark in ProseMirror JSON. */
export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node in ProseMirror JSON (what `editor.getJSON()` returns). */
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: PmMark[];
  text?: string;
}

/** The ProseMirror JSON of a Y.XmlFragment (no schema needed). */
export function fragmentToJson(fragment: Y.XmlFragment): PmNode {
  return yXmlFragmentToProsemirrorJSON(fragment) as PmNode;
}
