import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { planExtensions, planTemplateJson } from '@mesa/editor';
import { fundingSectionEnd, planFundingLink } from './fundingLink';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function open(locale: 'en' | 'es', documentName = 'plan:p-ba1', editable = true) {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    editable,
    extensions: [
      ...planExtensions(),
      ...planFundingLink(documentName, 'Funding records of this program'),
    ],
    content: planTemplateJson(locale),
  });
  editors.push(editor);
  return { editor, element };
}

describe('planFundingLink', () => {
  it('shows a link to the program page’s funding section at the end of "Budget and funding"', () => {
    const { editor, element } = open('en');
    const link = element.querySelector<HTMLAnchorElement>('.funding-plan-link a');
    expect(link?.textContent).toBe('Funding records of this program');
    expect(link?.getAttribute('href')).toBe('/programs/p-ba1#funding');
    expect(link?.closest('[contenteditable="false"]')).toBeTruthy();
    // The section's heading is still followed by its own text; the link closes the section.
    const heading = [...element.querySelectorAll('h2')].find(
      (h) => h.textContent === 'Budget and funding',
    );
    expect(heading?.nextElementSibling?.tagName).toBe('P');
    expect(link?.parentElement?.nextElementSibling?.textContent).toBe('Responsible institutions');
    // Never written into the shared document.
    expect(editor.getText()).not.toContain('Funding records of this program');
    expect(JSON.stringify(editor.getJSON())).not.toContain('funding-plan-link');
  });

  it('finds the Spanish heading, and follows it when the heading is moved or typed again', () => {
    const { editor, element } = open('es');
    expect(fundingSectionEnd(editor.state.doc)).not.toBeNull();
    expect(element.querySelector('.funding-plan-link')?.nextElementSibling?.textContent).toBe(
      'Instituciones responsables',
    );
    editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(element.querySelector('.funding-plan-link')).toBeNull();
    editor.commands.setContent({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Intro' }] },
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: 'Budget and funding' }],
        },
      ],
    });
    expect(element.querySelector('.funding-plan-link a')).toBeTruthy();
  });

  it('is shown in a read-only plan too, and not in minutes', () => {
    expect(
      open('en', 'plan:p-ba1', false).element.querySelector('.funding-plan-link a'),
    ).toBeTruthy();
    expect(planFundingLink('minutes:m-1', 'x')).toEqual([]);
    expect(planFundingLink('nonsense', 'x')).toEqual([]);
  });
});
