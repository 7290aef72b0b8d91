import {
  OrganizationKindSchema,
  RoleSchema,
  ThreadSubjectSchema,
  mentionedIds,
  type Anchor,
  type Comment,
  type PersonRef,
  type Thread,
} from '@mesa/shared';
import type { SubjectPerson } from './subjects.js';
import type { CommentRow, PersonRow, ThreadRow } from './threads.repository.js';

/** A person as every reader of a thread sees them. */
export function presentPerson(row: PersonRow): PersonRef {
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organization_id,
    organizationName: { en: row.short_name_en, es: row.short_name_es },
  };
}

/** A person as the rules judge them. */
export function subjectPerson(row: PersonRow): SubjectPerson & { row: PersonRow } {
  return {
    id: row.id,
    role: RoleSchema.parse(row.role),
    organizationId: row.organization_id,
    organizationKind: OrganizationKindSchema.parse(row.organization_kind),
    row,
  };
}

// A person removed from the database cannot happen (rows reference users), but a reply must
// never fail on it.
function personOf(people: ReadonlyMap<string, PersonRow>, id: string): PersonRef {
  const row = people.get(id);
  return row
    ? presentPerson(row)
    : { id, name: '?', organizationId: '?', organizationName: { en: '?', es: '?' } };
}

/** Everyone a thread's reply names: authors, the resolver, the people its mentions name. */
export function peopleOf(thread: ThreadRow, comments: readonly CommentRow[]): string[] {
  const ids = [thread.author_id];
  if (thread.resolved_by) ids.push(thread.resolved_by);
  for (const c of comments) {
    ids.push(c.author_id);
    if (c.body) ids.push(...mentionedIds(c.body));
  }
  return ids;
}

function presentComment(row: CommentRow, people: ReadonlyMap<string, PersonRow>): Comment {
  const mentions = row.body === null ? [] : mentionedIds(row.body).filter((id) => people.has(id));
  return {
    id: row.id,
    author: personOf(people, row.author_id),
    body: row.body,
    mentions: mentions.map((id) => personOf(people, id)),
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}

/** A thread for no reader in particular (the live event), with its anchor's current state. */
export function presentThreadBase(
  row: ThreadRow,
  comments: readonly CommentRow[],
  people: ReadonlyMap<string, PersonRow>,
  anchorState: Anchor['state'],
): Omit<Thread, 'abilities'> {
  const anchor: Anchor | null =
    row.anchor_start !== null && row.anchor_end !== null && row.anchor_quote !== null
      ? {
          start: row.anchor_start,
          end: row.anchor_end,
          quote: row.anchor_quote,
          state: anchorState,
        }
      : null;
  return {
    id: row.id,
    subject: ThreadSubjectSchema.parse(JSON.parse(row.subject)),
    anchor,
    state: row.resolved_at === null ? 'open' : 'resolved',
    author: personOf(people, row.author_id),
    createdAt: row.created_at,
    resolvedBy: row.resolved_by === null ? null : personOf(people, row.resolved_by),
    resolvedAt: row.resolved_at,
    comments: comments.map((c) => presentComment(c, people)),
  };
}
