import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { AgendaItemKind, Locale } from '@mesa/shared';
import { planSchema } from './extensions.js';
import type { PmNode } from './pm-json.js';
import { PLAN_FRAGMENT } from './template.js';

/** One agenda item as the minutes' template needs it: its title in the minutes' language and kind. */
export interface MinutesTemplateItem {
  title: string;
  kind: AgendaItemKind;
}

/** How each kind of agenda item is named in the minutes' headings. */
export const AGENDA_KIND_LABELS: Record<Locale, Record<AgendaItemKind, string>> = {
  en: { information: 'Information', discussion: 'Discussion', decision: 'Decision' },
  es: { information: 'Información', discussion: 'Debate', decision: 'Decisión' },
};

/** "2. Budget review (Decision)": the heading of one agenda item's section. */
export function minutesHeading(position: number, item: MinutesTemplateItem, locale: Locale) {
  return `${position + 1}. ${item.title} (${AGENDA_KIND_LABELS[locale][item.kind]})`;
}

/**
 * The minutes' template as ProseMirror JSON: a section (a level-2 heading and an empty
 * paragraph) per agenda item, in order, written in one language. An empty agenda gives one
 * empty paragraph, so the document is never without a place to type.
 */
export function minutesTemplateJson(items: readonly MinutesTemplateItem[], locale: Locale): PmNode {
  const content: PmNode[] = items.flatMap((item, i) => [
    {
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: minutesHeading(i, item, locale) }],
    },
    { type: 'paragraph' },
  ]);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** A new Y.Doc holding the minutes' template (in `PLAN_FRAGMENT`), encoded as one update. */
export function minutesTemplateUpdate(
  items: readonly MinutesTemplateItem[],
  locale: Locale,
): Uint8Array {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    planSchema(),
    minutesTemplateJson(items, locale),
    doc.getXmlFragment(PLAN_FRAGMENT),
  );
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
