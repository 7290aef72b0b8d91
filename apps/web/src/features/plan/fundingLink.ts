import { Extension, type AnyExtension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { PLAN_TEMPLATE_SECTIONS } from '@mesa/editor';
import { parseDocumentName } from '@mesa/shared';

const key = new PluginKey<DecorationSet>('planFundingLink');

// The template's "Budget and funding" section, in every language the template is written in.
const FUNDING_INDEX = PLAN_TEMPLATE_SECTIONS.en.findIndex((s) => /funding/i.test(s.heading));
const HEADINGS = new Set(
  Object.values(PLAN_TEMPLATE_SECTIONS)
    .map((sections) => sections[FUNDING_INDEX]?.heading.trim().toLowerCase())
    .filter((heading): heading is string => Boolean(heading)),
);

/**
 * Where the plan's "Budget and funding" section ends — before the next heading of the same or
 * a higher level, or at the end of the plan — which is where the link goes; null without
 * that heading. At the section's end, not under its heading, so the heading stays directly
 * followed by the text written under it (the editor's arrow keys and carets rely on that).
 */
export function fundingSectionEnd(doc: PmNode): number | null {
  let level: number | null = null;
  let end: number | null = null;
  doc.forEach((node, offset) => {
    if (end !== null || node.type.name !== 'heading') return;
    const nodeLevel = Number(node.attrs.level);
    if (level === null) {
      if (HEADINGS.has(node.textContent.trim().toLowerCase())) level = nodeLevel;
    } else if (nodeLevel <= level) {
      end = offset;
    }
  });
  if (level === null) return null;
  return end ?? doc.content.size;
}

function linkElement(href: string, label: string): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'funding-plan-link';
  wrapper.contentEditable = 'false';
  const link = document.createElement('a');
  link.href = href;
  link.textContent = label;
  wrapper.append(link);
  return wrapper;
}

function decorations(doc: PmNode, href: string, label: string): DecorationSet {
  const end = fundingSectionEnd(doc);
  if (end === null) return DecorationSet.empty;
  const widget = Decoration.widget(end, () => linkElement(href, label), {
    key: `funding-link:${href}:${label}`,
    side: -1,
    ignoreSelection: true,
    // The link handles its own clicks and keys; the editor does not treat them as editing.
    stopEvent: () => true,
  });
  return DecorationSet.create(doc, [widget]);
}

/**
 * A link "Funding records of this program" at the end of the plan's "Budget and funding"
 * section, to the program page's funding section. A widget decoration, never written into the shared
 * document: not editable, not in exports or versions, keyboard reachable as any link. Only
 * plans (`plan:<programId>`) get it; other documents (minutes) get no extension.
 */
export function planFundingLink(documentName: string, label: string): AnyExtension[] {
  const parsed = typeof documentName === 'string' ? parseDocumentName(documentName) : null;
  if (!parsed || parsed.kind !== 'plan') return [];
  const href = `/programs/${encodeURIComponent(parsed.id)}#funding`;
  return [
    Extension.create({
      name: 'planFundingLink',
      addProseMirrorPlugins() {
        return [
          new Plugin<DecorationSet>({
            key,
            state: {
              init: (_, state) => decorations(state.doc, href, label),
              apply: (tr, old) => (tr.docChanged ? decorations(tr.doc, href, label) : old),
            },
            props: { decorations: (state) => key.getState(state) },
          }),
        ];
      },
    }),
  ];
}
