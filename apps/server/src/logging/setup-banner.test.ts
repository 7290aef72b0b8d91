import { describe, expect, it } from 'vitest';
import { formatSetupBox } from './setup-banner.js';
import { resolveLogFormat } from './log-format.js';

const URL = 'http://localhost:3000/setup/e4kxfxtm4v75zfjrzu3iiljzh2ex7f3o';

/** The box's lines between its blank first and last lines. */
const linesOf = (text: string) => text.split('\n').filter((line) => line !== '');

describe('the setup link box', () => {
  it('boxes the message and puts the link alone on its line, every line the same width', () => {
    const lines = linesOf(formatSetupBox(URL, 120));
    expect(lines[0]).toMatch(/^┌─+┐$/);
    expect(lines.at(-1)).toMatch(/^└─+┘$/);
    const widths = new Set(lines.map((line) => [...line].length));
    expect(widths.size).toBe(1);
    expect(lines.some((line) => /^│ +Mesa has no administrator yet\. +│$/.test(line))).toBe(true);
    expect(lines).toContain(`│  ${URL}${' '.repeat([...lines[0]!].length - URL.length - 4)}│`);
    // Whole and copyable: the link is never split across lines.
    expect(lines.filter((line) => line.includes('/setup/'))).toHaveLength(1);
  });

  it('fits the longest line when the terminal width is unknown', () => {
    const long = `https://mesa.example.org/${'x'.repeat(100)}/setup/token`;
    const lines = linesOf(formatSetupBox(long));
    expect(lines.find((line) => line.includes(long))).toBe(`│  ${long}  │`);
  });

  it('uses rules instead of side borders on a terminal narrower than the box', () => {
    const text = formatSetupBox(URL, 50);
    const lines = linesOf(text);
    expect(lines[0]).toBe('─'.repeat(50));
    expect(lines.at(-1)).toBe('─'.repeat(50));
    expect(lines).toContain(URL);
    expect(text).not.toMatch(/[│┌┐└┘]/);
  });

  it('ends with a blank line so the next log line stands apart', () => {
    expect(formatSetupBox(URL, 120).endsWith('┘\n\n')).toBe(true);
  });
});

describe('the log format', () => {
  it('is readable on a terminal and JSON elsewhere unless LOG_FORMAT says otherwise', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
    expect(resolveLogFormat('json', true)).toBe('json');
  });
});
