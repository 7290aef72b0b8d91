import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl, planExtensions, planSchema } from './extensions.js';

describe('plan extensions', () => {
  it('build a headless schema with headings, lists, tables, links and quotes but no history', () => {
    const schema = planSchema();
    for (const node of ['heading', 'bulletList', 'orderedList', 'table', 'tableCell', 'blockquote'])
      expect(schema.nodes[node], node).toBeDefined();
    for (const mark of ['bold', 'italic', 'link']) expect(schema.marks[mark], mark).toBeDefined();
    const kit = planExtensions().find((e) => e.name === 'starterKit');
    expect(kit?.options).toMatchObject({ undoRedo: false, link: false });
  });

  it('registers exactly one link mark that does not open on click', () => {
    const links = planExtensions().filter((e) => e.name === 'link');
    expect(links).toHaveLength(1);
    expect((links[0]!.options as { openOnClick: boolean }).openOnClick).toBe(false);
  });

  it('allows only http, https and mailto links', () => {
    expect(isAllowedLinkUrl('https://sica.int')).toBe(true);
    expect(isAllowedLinkUrl('http://sica.int')).toBe(true);
    expect(isAllowedLinkUrl('mailto:a@b.org')).toBe(true);
    expect(isAllowedLinkUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedLinkUrl('data:text/html,x')).toBe(false);
    expect(isAllowedLinkUrl('ftp://x')).toBe(false);
  });
});
