import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof value === 'string') {
    entries.set(prefix, value);
    return entries;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of flatten(child, prefix ? `${prefix}.${key}` : key)) {
      entries.set(path, text);
    }
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? '').sort();
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** A key without its plural suffix: `plan.presence.count_one` → `plan.presence.count`. */
function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** The plural families of a catalogue: base key → the categories it has. */
function pluralFamilies(catalogue: Map<string, string>): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const key of catalogue.keys()) {
    const category = PLURAL_SUFFIX.exec(key)?.[1];
    if (category) families.set(baseKey(key), [...(families.get(baseKey(key)) ?? []), category]);
  }
  return families;
}

/**
 * Placeholders that never hold a number. Any other value is a number and must be `{{count}}`,
 * so i18next chooses its plural form ("1 person", "2 people"); nothing else can say "1 people".
 */
const TEXT_PLACEHOLDERS = new Set([
  'withoutRate', // a phrase that carries its own count, already in its plural form (IATI totals)
  'transactions', // a phrase that carries its own count, already in its plural form (IATI totals)
  'rest', // a phrase that carries its own count, already in its plural form (IATI totals)
  'records', // a phrase that carries its own count, already in its plural form (IATI totals)
  'imported', // a phrase that carries its own count, already in its plural form (IATI totals)
  'version', // a file format's version
  'usd', // an amount of money already formatted
  'message', // a server's explanation
  'max', // a size limit in megabytes, a label
  'line', // a line number in a file, a label
  'file', // an uploaded file's name
  'at', // a date and time
  'active', // a date and time
  'amount', // an amount of money already formatted with its currency
  'before', // a date
  'component', // a component's letter and title
  'cost', // an amount of money already formatted (as are `disbursed`, `funding`, `pledged`)
  'currency', // a currency's code
  'author', // a person's name
  'date', // a date and time
  'device', // a browser's description
  'disbursed', // formatted money
  'email',
  'excerpt', // the start of a comment
  'expires', // a date and time
  'field', // a field's label
  'funding', // formatted money
  'id', // a component's letter
  'language', // a language's name
  'latest', // a saved version's label
  'name',
  'number', // a saved version's number, a label that is never counted
  'opened', // a date and time
  'organization', // an organization's short name
  'page', // a page's title
  'percent', // a share already formatted as a percentage
  'pledged', // formatted money
  'position', // a place on a ballot ("position 3 of 8"), a label that is never counted
  'program', // a program's code or title
  'query', // what the person typed
  'recent', // "3 of 5": the part named beside its `count`, never a counted noun
  'programs', // a phrase that carries its own count ("the strategy's 22 programs")
  'since', // a date
  'time',
  'total', // the places on a ballot, named beside `position`, never a counted noun
  'what', // a chart's subject ("the priority programs")
  'where', // a phrase naming a thread's place ("the plan of IADB-1")
  'zone', // a time zone's description
]);

const catalogues = { en: flatten(en), es: flatten(es) } as const;

describe('catalogues', () => {
  const english = catalogues.en;
  const spanish = catalogues.es;
  const withoutPlurals = (c: Map<string, string>) =>
    [...c.keys()].filter((key) => !PLURAL_SUFFIX.test(key)).sort();

  it('gives Spanish exactly the keys of English, plural families compared by their base key', () => {
    expect(withoutPlurals(spanish)).toEqual(withoutPlurals(english));
    expect([...pluralFamilies(spanish).keys()].sort()).toEqual(
      [...pluralFamilies(english).keys()].sort(),
    );
  });

  it('leaves no text empty', () => {
    for (const [key, text] of [...english, ...spanish]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      // Plural forms are compared through their `other` form, which every language has.
      const spanishKey = PLURAL_SUFFIX.test(key) ? `${baseKey(key)}_other` : key;
      const expected = placeholders(english.get(spanishKey) ?? text);
      expect(placeholders(spanish.get(spanishKey) ?? ''), key).toEqual(expected);
    }
  });

  for (const [language, catalogue] of Object.entries(catalogues)) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

    it(`gives every plural family every plural form of ${language} (${categories.join(', ')})`, () => {
      for (const [family, forms] of pluralFamilies(catalogue)) {
        expect([...forms].sort(), family).toEqual([...categories].sort());
      }
    });

    it(`interpolates numbers in ${language} only as {{count}} of a plural family`, () => {
      for (const [key, text] of catalogue) {
        for (const name of placeholders(text)) {
          if (name === 'count') {
            expect(
              PLURAL_SUFFIX.test(key),
              `${key} interpolates {{count}}: give it plural forms`,
            ).toBe(true);
          } else {
            expect(
              TEXT_PLACEHOLDERS.has(name),
              `${key} interpolates {{${name}}}: a number must be {{count}} with plural forms`,
            ).toBe(true);
          }
        }
      }
    });
  }
});
