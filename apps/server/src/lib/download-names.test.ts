import { describe, expect, it } from 'vitest';
import { asciiFileName, attachmentDisposition, downloadFileName } from './download-names.js';

const encoder = new TextEncoder();

describe('downloadFileName', () => {
  it('names the file after the code and title, accents kept', () => {
    expect(downloadFileName(['BA1', 'Prevención de la violencia'], 'md', 'plan')).toBe(
      'BA1 Prevención de la violencia.md',
    );
  });

  it('removes characters illegal in file names (slashes, colons, quotes) and control characters', () => {
    expect(
      downloadFileName(['DB1', 'Policía/Justicia: "fase\\2" <a|b>?*\u0007'], 'md', 'plan'),
    ).toBe('DB1 Policía Justicia fase 2 a b.md');
    expect(downloadFileName([null, '../../etc/passwd'], 'md', 'plan')).toBe('etc passwd.md');
  });

  it('leaves out a missing code, and falls back when nothing is left', () => {
    expect(downloadFileName([null, 'Plan'], 'md', 'plan')).toBe('Plan.md');
    expect(downloadFileName([null, '///...'], 'md', 'plan')).toBe('plan.md');
  });

  it('cuts a very long title at a word, within 150 bytes, never inside a character', () => {
    const title = `Prevención ${'señalización '.repeat(40)}final`;
    const name = downloadFileName(['BA1', title], 'md', 'plan');
    const stem = name.slice(0, -'.md'.length);
    expect(encoder.encode(stem).length).toBeLessThanOrEqual(150);
    expect(stem.startsWith('BA1 Prevención señalización')).toBe(true);
    expect(stem.endsWith('señalización')).toBe(true);
    const emoji = downloadFileName(['X', '😀'.repeat(100)], 'md', 'plan');
    expect(emoji).not.toContain('\ufffd');
    expect([...emoji.slice(2, -3)].every((c) => c === '😀')).toBe(true);
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII filename and the exact UTF-8 name in filename* (RFC 6266, RFC 5987)', () => {
    expect(attachmentDisposition('BA1 Prevención de la violencia.md')).toBe(
      `attachment; filename="BA1 Prevencion de la violencia.md"; filename*=UTF-8''BA1%20Prevenci%C3%B3n%20de%20la%20violencia.md`,
    );
  });

  it("encodes what RFC 5987 does not allow bare (' ( ) *) and keeps % out of the ASCII name", () => {
    const header = attachmentDisposition("Plan (O'Neil) 100% *final*.md");
    expect(header).toContain(`filename*=UTF-8''Plan%20%28O%27Neil%29%20100%25%20%2Afinal%2A.md`);
    expect(header).toContain(`filename="Plan (O'Neil) 100_ _final_.md"`);
  });

  it('turns letters without an ASCII form into underscores', () => {
    expect(asciiFileName('Ωmega Ñandú.md')).toBe('_mega Nandu.md');
  });
});
