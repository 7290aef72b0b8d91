import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MarkdownBlocks } from './markdownBlocks';

afterEach(cleanup);

describe('MarkdownBlocks', () => {
  it('renders the minutes headings one level down, lists and inline marks', () => {
    const { container } = render(
      <MarkdownBlocks
        markdown={
          '## 1. Budget review (Decision)\n\nThe **budget** was *approved*.\n\n- one\n- two'
        }
      />,
    );
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(
      '1. Budget review (Decision)',
    );
    expect(container.querySelector('strong')?.textContent).toBe('budget');
    expect(container.querySelector('em')?.textContent).toBe('approved');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('never turns text into markup or script links', () => {
    const { container } = render(
      <MarkdownBlocks
        markdown={
          '<img src=x onerror=alert(1)> \\<b\\> [bad](javascript:alert(1)) [good](https://sica.int)'
        }
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://sica.int']);
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
