import {
  MENTION_SUGGESTIONS_MAX,
  mentionedIds,
  replaceMentions,
  type PersonRef,
} from '@mesa/shared';
import type { Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { selectMentionCandidates } from './mentions.repository.js';
import { countWrite } from './rate-limits.js';
import type { ResolvedSubject } from './subjects.js';
import {
  abilitiesOrThrow,
  subjectFromQuery,
  subjectOrThrow,
  type ThreadsDeps,
} from './thread-access.service.js';
import { presentPerson, subjectPerson } from './threads.presenter.js';
import { selectPeople } from './threads.repository.js';

/** Candidates read per query while looking for readers (most searches need one). */
const BATCH = 40;
/** At most this many words of a search count. */
const MAX_TERMS = 4;

/** Lowercase without accents (NFD, marks removed), as the SQL search folds names. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The words of what was typed, folded, without repeats; none when under 2 characters. */
export function searchTerms(q: string): string[] {
  const folded = fold(q.trim());
  if (folded.length < 2) return [];
  return [...new Set(folded.split(/\s+/).filter((w) => w.length > 0))].slice(0, MAX_TERMS);
}

/**
 * Up to eight active people who may read the subject and match what was typed (a word of the
 * name starts with it; the organization's short name may narrow: `ana undp`), never the asker.
 * The database filters and orders; the subject's rules keep readers, a batch at a time, until
 * eight are found. Counts against the asker's suggestions per minute first (429).
 */
export async function suggestMentions(
  ctx: ServiceContext,
  resolved: ResolvedSubject,
  actor: Actor,
  q: string,
): Promise<{ people: PersonRef[] }> {
  await ctx.db.transaction().execute((trx) => countWrite(ctx, trx, actor, 'suggestion'));
  const terms = searchTerms(q);
  if (terms.length === 0) return { people: [] };
  const found: PersonRef[] = [];
  for (let offset = 0; found.length < MENTION_SUGGESTIONS_MAX; offset += BATCH) {
    const batch = await selectMentionCandidates(ctx.db, {
      terms,
      excludeId: actor.userId,
      limit: BATCH,
      offset,
    });
    const readers = await resolved.readersAmong(batch.map(subjectPerson));
    found.push(...readers.map((r) => presentPerson(r.row)));
    if (batch.length < BATCH) break;
  }
  return { people: found.slice(0, MENTION_SUGGESTIONS_MAX) };
}

/**
 * Keeps each mention token whose person may read the subject (active people only) and writes
 * every other one as plain `@label`; returns the text and the kept ids.
 */
export async function keepMentions(
  ctx: ServiceContext,
  resolved: ResolvedSubject,
  text: string,
): Promise<{ body: string; kept: string[] }> {
  const ids = mentionedIds(text);
  if (ids.length === 0) return { body: text, kept: [] };
  const candidates = (await selectPeople(ctx.db, ids)).filter((p) => p.active === 1);
  const readers = await resolved.readersAmong(candidates.map(subjectPerson));
  const keep = new Set(readers.map((r) => r.id));
  const body = replaceMentions(text, (m) =>
    keep.has(m.personId) ? text.slice(m.index, m.index + m.length) : `@${m.label}`,
  );
  return { body, kept: ids.filter((id) => keep.has(id)) };
}

/**
 * Up to eight active people who may read the subject matching `q` (see suggestMentions), for
 * people who may comment on it; counts against their suggestions per minute (429).
 */
export async function mentionable(
  deps: ThreadsDeps,
  actor: Actor,
  query: Parameters<typeof subjectFromQuery>[0] & { q: string },
): Promise<{ people: PersonRef[] }> {
  const resolved = await subjectOrThrow(deps.ctx, subjectFromQuery(query));
  await abilitiesOrThrow(resolved, actor, 'comment');
  return suggestMentions(deps.ctx, resolved, actor, query.q);
}
