import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { planSchema } from './extensions.js';
import { docToMarkdown, jsonToMarkdown } from './markdown.js';
import type { PmNode } from './pm-json.js';
import { PLAN_FRAGMENT, writePlanTemplate } from './template.js';

const t = (text: string, ...marks: PmNode['marks'] & object): PmNode => ({
  type: 'text',
  text,
  ...(marks.length ? { marks } : {}),
});
const p = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const li = (...content: PmNode[]): PmNode => ({ type: 'listItem', content });
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });

describe('markdown export', () => {
  it('renders headings, bold, italic and links', () => {
    const md = jsonToMarkdown(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [t('Objectives')] },
        p(
          t('Reduce '),
          t('homicides', { type: 'bold' }),
          t(' and '),
          t('extortion', { type: 'italic' }),
          t(' — see '),
          t('SICA', { type: 'link', attrs: { href: 'https://sica.int' } }),
        ),
      ),
    );
    expect(md).toBe(
      '## Objectives\n\nReduce **homicides** and *extortion* — see [SICA](https://sica.int)\n',
    );
  });

  it('keeps one span across adjacent runs of a mark and nests marks consistently', () => {
    const md = jsonToMarkdown(
      doc(p(t('a', { type: 'bold' }), t('b', { type: 'bold' }, { type: 'italic' }), t('c'))),
    );
    expect(md).toBe('**a*b***c\n');
  });

  it('drops links whose scheme is not allowed but keeps their text', () => {
    const md = jsonToMarkdown(
      doc(p(t('click', { type: 'link', attrs: { href: 'javascript:alert(1)' } }))),
    );
    expect(md).toBe('click\n');
  });

  it('renders nested bullet and ordered lists', () => {
    const md = jsonToMarkdown(
      doc({
        type: 'bulletList',
        content: [
          li(p(t('one')), {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [li(p(t('first'))), li(p(t('second')))],
          }),
          li(p(t('two'))),
        ],
      }),
    );
    expect(md).toBe('- one\n\n  1. first\n  2. second\n- two\n');
  });

  it('renders tables as GFM with pipes escaped', () => {
    const cell = (type: string, text: string): PmNode => ({ type, content: [p(t(text))] });
    const md = jsonToMarkdown(
      doc({
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Who'), cell('tableHeader', 'USD')] },
          { type: 'tableRow', content: [cell('tableCell', 'IDB | BID'), cell('tableCell', '5')] },
        ],
      }),
    );
    expect(md).toBe('| Who | USD |\n| --- | --- |\n| IDB \\| BID | 5 |\n');
  });

  it('renders block quotes and escapes Markdown syntax in text', () => {
    const md = jsonToMarkdown(
      doc({ type: 'blockquote', content: [p(t('quoted'))] }, p(t('# not a heading *x* [y]'))),
    );
    expect(md).toBe('> quoted\n\n\\# not a heading \\*x\\* \\[y\\]\n');
  });

  it('exports a Y.Doc built through the schema', () => {
    const ydoc = new Y.Doc();
    writePlanTemplate(ydoc, 'en');
    expect(docToMarkdown(ydoc)).toMatch(/^## Objectives\n\n## Expected results and indicators/);
    const other = new Y.Doc();
    prosemirrorJSONToYXmlFragment(
      planSchema(),
      doc(p(t('x', { type: 'link', attrs: { href: 'mailto:a@b.org' } }))),
      other.getXmlFragment(PLAN_FRAGMENT),
    );
    expect(docToMarkdown(other)).toBe('[x](mailto:a@b.org)\n');
  });
});
