import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PLAN_FRAGMENT, planTemplateUpdate, writePlanTemplate } from './template.js';
import { docToText } from './text.js';
import { fragmentToJson } from './pm-json.js';

describe('plan template', () => {
  it('writes the six sections as level-2 headings each followed by a paragraph', () => {
    const doc = new Y.Doc();
    writePlanTemplate(doc, 'en');
    const json = fragmentToJson(doc.getXmlFragment(PLAN_FRAGMENT));
    const types = json.content!.map((n) => n.type);
    expect(types).toEqual(Array.from({ length: 6 }, () => ['heading', 'paragraph']).flat());
    expect(json.content![0]!.attrs).toMatchObject({ level: 2 });
    expect(docToText(doc).split('\n').filter(Boolean)).toEqual([
      'Objectives',
      'Expected results and indicators',
      'Activities and timeline',
      'Budget and funding',
      'Responsible institutions',
      'Risks',
    ]);
  });

  it('writes the Spanish template', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, planTemplateUpdate('es'));
    expect(docToText(doc)).toContain('Presupuesto y financiamiento');
    expect(docToText(doc)).toContain('Riesgos');
  });

  it('refuses to write the template into a plan that already has content', () => {
    const doc = new Y.Doc();
    writePlanTemplate(doc, 'en');
    expect(() => writePlanTemplate(doc, 'en')).toThrow(/already/);
  });
});
