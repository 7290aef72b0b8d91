import type { Locale } from '@mesa/shared';
import { formatExportDate } from './export-date.js';
import { escapeMarkdownText } from './inline.js';

/** The latest saved version of a plan, as an export names it. */
export interface ExportVersion {
  /** Its number: 1 for the plan's first saved version, counting automatic ones. */
  number: number;
  /** The name a person gave it; null for an automatic version. */
  name: string | null;
  /** When it was saved (ISO 8601). */
  savedAt: string;
}

/** What the heading of an exported plan states. */
export interface ExportFacts {
  /** The program's code ("BA1"), or null when none is recorded. */
  code: string | null;
  /** The program's title in the reader's language. */
  title: string;
  /** When the export was made. */
  exportedAt: Date;
  /** The reader's language. */
  locale: Locale;
  /** The reader's IANA time zone. */
  timeZone: string;
  /** The plan's latest saved version, or null when none was ever saved. */
  latest: ExportVersion | null;
  /** The exported text differs from the latest saved version's (or there is none). */
  changedSince: boolean;
}

interface Labels {
  exported: string;
  version: string;
  named: (n: number, name: string, at: string) => string;
  auto: (n: number, at: string) => string;
  notSaved: (latest: string) => string;
  neverSaved: string;
}

// The server has no interface catalogue; like the plan template, these few words live beside
// the export, in both languages. The web's print heading says the same from en.json/es.json.
const LABELS: Record<Locale, Labels> = {
  en: {
    exported: 'Exported',
    version: 'Version',
    named: (n, name, at) => `${n} “${name}”, saved ${at}`,
    auto: (n, at) => `${n} (automatic), saved ${at}`,
    notSaved: (latest) => `current text, not a saved version (latest saved version: ${latest})`,
    neverSaved: 'current text, not a saved version (no version has been saved yet)',
  },
  es: {
    exported: 'Exportado',
    version: 'Versión',
    named: (n, name, at) => `${n} «${name}», guardada el ${at}`,
    auto: (n, at) => `${n} (automática), guardada el ${at}`,
    notSaved: (latest) =>
      `texto actual, no es una versión guardada (última versión guardada: ${latest})`,
    neverSaved: 'texto actual, no es una versión guardada (aún no se ha guardado ninguna versión)',
  },
};

/** "BA1 — Prevention of violence", or the title alone when no code is recorded. */
export function programHeading(code: string | null, title: string): string {
  return code ? `${code} — ${title}` : title;
}

function versionText(facts: ExportFacts, labels: Labels): string {
  const { latest } = facts;
  if (!latest) return labels.neverSaved;
  const at = formatExportDate(new Date(latest.savedAt), facts.locale, facts.timeZone);
  const name = latest.name === null ? null : escapeMarkdownText(latest.name);
  const saved =
    name === null ? labels.auto(latest.number, at) : labels.named(latest.number, name, at);
  return facts.changedSince ? labels.notSaved(saved) : saved;
}

/**
 * The first lines of an exported plan: the program's code and title as the document's
 * heading, when it was exported (in the reader's zone), and which version the text is — a
 * saved version only when the text is exactly that version's, otherwise "current text".
 */
export function planExportHeader(facts: ExportFacts): string {
  const labels = LABELS[facts.locale];
  const heading = escapeMarkdownText(programHeading(facts.code, facts.title));
  const exported = formatExportDate(facts.exportedAt, facts.locale, facts.timeZone);
  return [
    `# ${heading}`,
    '',
    `- **${labels.exported}:** ${exported}`,
    `- **${labels.version}:** ${versionText(facts, labels)}`,
    '',
    '---',
    '',
  ].join('\n');
}
