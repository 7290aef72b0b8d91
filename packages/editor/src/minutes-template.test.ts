import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { fragmentToJson } from './pm-json.js';
import { jsonToMarkdown } from './markdown.js';
import { minutesTemplateJson, minutesTemplateUpdate } from './minutes-template.js';
import { PLAN_FRAGMENT } from './template.js';

const items = [
  { title: 'Budget review', kind: 'decision' as const },
  { title: 'Field reports', kind: 'information' as const },
];

describe('minutes template', () => {
  it('has a numbered heading per agenda item with its kind, in the minutes language', () => {
    const md = (locale: 'en' | 'es') => jsonToMarkdown(minutesTemplateJson(items, locale));
    expect(md('en')).toContain('## 1. Budget review (Decision)');
    expect(md('en')).toContain('## 2. Field reports (Information)');
    expect(md('es')).toContain('## 1. Budget review (Decisión)');
  });

  it('encodes as one update a client reads back, with a paragraph to type in for an empty agenda', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, minutesTemplateUpdate(items, 'en'));
    const json = fragmentToJson(doc.getXmlFragment(PLAN_FRAGMENT));
    expect(json.content?.filter((n) => n.type === 'heading')).toHaveLength(2);
    expect(minutesTemplateJson([], 'en').content).toEqual([{ type: 'paragraph' }]);
  });
});
