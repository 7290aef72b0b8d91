import { describe, expect, it } from 'vitest';
import { formatExportDate } from './export-date.js';
import { planExportHeader, type ExportFacts } from './export-header.js';

const at = new Date('2026-12-04T20:03:00Z');
const facts = (over: Partial<ExportFacts> = {}): ExportFacts => ({
  code: 'BA1',
  title: 'Prevención de la violencia',
  exportedAt: at,
  locale: 'es',
  timeZone: 'America/Guatemala',
  latest: { number: 3, name: 'Borrador para donantes', savedAt: '2026-12-04T17:20:00Z' },
  changedSince: false,
  ...over,
});

describe('export date', () => {
  it('writes the month in words, the 24-hour time, the offset and the zone in the reader’s language', () => {
    expect(formatExportDate(at, 'es', 'America/Guatemala')).toBe(
      '4 de diciembre de 2026 a las 14:03 GMT-6 (America/Guatemala)',
    );
    expect(formatExportDate(at, 'en', 'Asia/Tokyo')).toBe(
      'December 5, 2026 at 05:03 GMT+9 (Asia/Tokyo)',
    );
  });

  it('falls back to UTC for an unknown zone and says so', () => {
    expect(formatExportDate(at, 'en', 'Mars/Olympus')).toMatch(/20:03 .*\(UTC\)$/);
  });
});

describe('export header', () => {
  it('starts with the code and title, then the date and the saved version the text is', () => {
    expect(planExportHeader(facts()).split('\n')).toEqual([
      '# BA1 — Prevención de la violencia',
      '',
      '- **Exportado:** 4 de diciembre de 2026 a las 14:03 GMT-6 (America/Guatemala)',
      '- **Versión:** 3 «Borrador para donantes», guardada el 4 de diciembre de 2026 a las 11:20 GMT-6 (America/Guatemala)',
      '',
      '---',
      '',
    ]);
  });

  it('says "current text" when the text changed since the latest version, naming that version', () => {
    const header = planExportHeader(
      facts({ locale: 'en', title: 'Violence prevention', changedSince: true }),
    );
    expect(header).toContain('# BA1 — Violence prevention');
    expect(header).toContain(
      '- **Version:** current text, not a saved version (latest saved version: 3 “Borrador para donantes”, saved December 4, 2026 at 11:20 GMT-6 (America/Guatemala))',
    );
  });

  it('numbers an automatic version, and says when none was ever saved', () => {
    const auto = facts({
      locale: 'en',
      latest: { number: 7, name: null, savedAt: at.toISOString() },
    });
    expect(planExportHeader(auto)).toContain(
      '- **Version:** 7 (automatic), saved December 4, 2026',
    );
    const none = planExportHeader(facts({ latest: null, changedSince: true }));
    expect(none).toContain(
      '- **Versión:** texto actual, no es una versión guardada (aún no se ha guardado ninguna versión)',
    );
  });

  it('escapes Markdown in the title and version name, and leaves out a missing code', () => {
    const header = planExportHeader(
      facts({
        code: null,
        title: 'Plan *A* | [draft]',
        latest: { number: 1, name: '<b>x</b>', savedAt: at.toISOString() },
      }),
    );
    expect(header.split('\n')[0]).toBe('# Plan \\*A\\* \\| \\[draft\\]');
    expect(header).toContain('«\\<b\\>x\\</b\\>»');
  });
});
