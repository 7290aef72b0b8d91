import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { people as peopleOf, type PersonRow } from './threads.repository.js';

type Db = Kysely<Database>;

/**
 * Each precomposed Latin letter of U+00C0–U+017F that is an ASCII letter with marks, and that
 * letter: what `fold` in the service strips (NFD, marks removed) for the letters names here
 * use. Computed once; the SQL below replaces each, then lowercases (ASCII in SQLite).
 */
const ACCENTED: readonly (readonly [string, string])[] = Array.from(
  { length: 0x17f - 0xc0 + 1 },
  (_, i) => String.fromCodePoint(0xc0 + i),
).flatMap((letter) => {
  const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
  return base !== letter && /^[A-Za-z]$/.test(base) ? [[letter, base] as const] : [];
});

/** `column` lowercased without accents, in SQL both SQLite and PostgreSQL run. */
function folded(column: Expression<string>): RawBuilder<string> {
  let expression: RawBuilder<string> = sql<string>`${column}`;
  for (const [letter, base] of ACCENTED)
    expression = sql<string>`replace(${expression}, ${sql.lit(letter)}, ${sql.lit(base)})`;
  return sql<string>`lower(${expression})`;
}

/** A LIKE pattern matching `term` as a literal (backslash escapes). */
function literal(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL true when a word of `text` (after a space or a hyphen, or at its start) starts with `term`. */
function wordStarts(text: RawBuilder<string> | string, term: string): RawBuilder<boolean> {
  const column = typeof text === 'string' ? sql.ref(text) : text;
  const t = literal(term);
  return sql<boolean>`(${column} like ${`${t}%`} escape '\\' or ${column} like ${`% ${t}%`} escape '\\' or ${column} like ${`%-${t}%`} escape '\\')`;
}

/** What a mention search asks for: folded terms (lowercase, no accents), and a page. */
export interface MentionSearch {
  /** The words typed, folded; at least one must start a word of the name. */
  terms: readonly string[];
  /** Never this person (the asker). */
  excludeId: string;
  /** How many candidates, after `offset`. */
  limit: number;
  offset: number;
}

/**
 * Active people, never the asker, matching every term: each starts a word of the name or of
 * the organization's short name (either language), and at least one starts a word of the name
 * (an organization alone matches nobody). Names starting with the first term come first, then
 * by name and id.
 */
export function selectMentionCandidates(db: Db, search: MentionSearch): Promise<PersonRow[]> {
  const people = peopleOf(db)
    .select([
      folded(sql.ref('u.name')).as('folded_name'),
      folded(sql.ref('o.short_name_en')).as('folded_en'),
      folded(sql.ref('o.short_name_es')).as('folded_es'),
    ])
    .where('u.active', '=', 1)
    .where('u.id', '!=', search.excludeId)
    .as('p');
  const inName = (term: string) => wordStarts('p.folded_name', term);
  const inOrganization = (term: string) =>
    sql<boolean>`(${wordStarts('p.folded_en', term)} or ${wordStarts('p.folded_es', term)})`;
  const first = literal(search.terms[0] ?? '');
  return db
    .selectFrom(people)
    .select([
      'p.id',
      'p.name',
      'p.role',
      'p.active',
      'p.organization_id',
      'p.organization_kind',
      'p.short_name_en',
      'p.short_name_es',
    ])
    .where((eb) =>
      eb.and([
        eb.or(search.terms.map(inName)),
        ...search.terms.map((term) => eb.or([inName(term), inOrganization(term)])),
      ]),
    )
    .orderBy(sql`case when p.folded_name like ${`${first}%`} escape '\\' then 0 else 1 end`)
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
}
