import { getSchema, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { Link } from '@tiptap/extension-link';

/** Link schemes a plan may contain; anything else (javascript:, data:, file:) is refused. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

const allowedLink = /^(https?:\/\/|mailto:)/i;

/** True when a URL may be stored as a plan link (http, https or mailto only). */
export function isAllowedLinkUrl(url: string): boolean {
  return allowedLink.test(url.trim());
}

/**
 * The Tiptap extensions of a program plan. The web editor adds Collaboration and the caret to
 * this list; the server uses it headless (through `planSchema`) to write templates and read
 * content. Undo/redo is off because Collaboration brings its own (one's own changes only), and
 * StarterKit's bundled Link is replaced by one restricted to http, https and mailto.
 */
export function planExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({ undoRedo: false, link: false, codeBlock: false, code: false }),
    TableKit.configure({ table: { resizable: false } }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      protocols: ['mailto'],
      defaultProtocol: 'https',
      // Enforced on parse, paste and commands: a stored link can only have an allowed scheme.
      isAllowedUri: (url) => isAllowedLinkUrl(url),
      shouldAutoLink: (url) => isAllowedLinkUrl(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
  ];
}

let cached: Schema | null = null;

/** The ProseMirror schema of a plan (built once; it is immutable). */
export function planSchema(): Schema {
  cached ??= getSchema(planExtensions());
  return cached;
}
