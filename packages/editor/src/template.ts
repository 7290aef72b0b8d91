import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Locale } from '@mesa/shared';
import { planSchema } from './extensions.js';
import type { PmNode } from './pm-json.js';

/** Name of the XmlFragment that holds a plan in its Y.Doc (Tiptap Collaboration's default). */
export const PLAN_FRAGMENT = 'default';

/** One section of the plan template: a heading and a (possibly empty) hint paragraph. */
interface TemplateSection {
  heading: string;
  hint: string;
}

/** The template's sections, in order, per language. */
export const PLAN_TEMPLATE_SECTIONS: Record<Locale, readonly TemplateSection[]> = {
  en: [
    { heading: 'Objectives', hint: '' },
    { heading: 'Expected results and indicators', hint: '' },
    { heading: 'Activities and timeline', hint: '' },
    { heading: 'Budget and funding', hint: '' },
    { heading: 'Responsible institutions', hint: '' },
    { heading: 'Risks', hint: '' },
  ],
  es: [
    { heading: 'Objetivos', hint: '' },
    { heading: 'Resultados esperados e indicadores', hint: '' },
    { heading: 'Actividades y cronograma', hint: '' },
    { heading: 'Presupuesto y financiamiento', hint: '' },
    { heading: 'Instituciones responsables', hint: '' },
    { heading: 'Riesgos', hint: '' },
  ],
};

function paragraph(text: string): PmNode {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

/** The plan template as ProseMirror JSON, in one language. */
export function planTemplateJson(locale: Locale): PmNode {
  const content = PLAN_TEMPLATE_SECTIONS[locale].flatMap((s) => [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: s.heading }] },
    paragraph(s.hint),
  ]);
  return { type: 'doc', content };
}

/**
 * Writes the plan template into an empty Y.Doc's `PLAN_FRAGMENT`. Throws if the fragment
 * already has content, because a template written twice would appear twice after merging.
 */
export function writePlanTemplate(doc: Y.Doc, locale: Locale): void {
  const fragment = doc.getXmlFragment(PLAN_FRAGMENT);
  if (fragment.length > 0) throw new Error('the plan already has content');
  prosemirrorJSONToYXmlFragment(planSchema(), planTemplateJson(locale), fragment);
}

/** A new Y.Doc holding the plan template, encoded as one update (what the server stores). */
export function planTemplateUpdate(locale: Locale): Uint8Array {
  const doc = new Y.Doc();
  writePlanTemplate(doc, locale);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
