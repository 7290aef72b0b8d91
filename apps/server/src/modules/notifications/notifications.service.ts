import {
  ErrorCodes,
  NotificationKinds,
  type ListNotificationsQuery,
  type NotificationKind,
  type NotificationPage,
  type NotificationPreferences,
  type UpdateNotificationPreferencesInput,
} from '@mesa/shared';
import { can, readableProgramIds, type PolicyPerson } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import {
  countUnread,
  listNotificationRows,
  listPreferenceRows,
  listProgramLabels,
  markRead,
  upsertPreferences,
  type NotificationCursor,
  type NotificationRow,
  type VisibleScopes,
} from './notifications.repository.js';
import { presentNotification, programIdOf, type ProgramLabels } from './notifications.presenter.js';

/** The scopes a person may read now: workspace-wide ones and the programs `can()` lets them read. */
export async function visibleScopes(
  ctx: ServiceContext,
  person: PolicyPerson,
): Promise<VisibleScopes> {
  // Meetings follow the policy: one who reads a meeting without taking part (an admin) reads all.
  const readsEveryMeeting = can(person, 'read', {
    type: 'meeting',
    meetingId: '',
    facts: {
      state: 'scheduled',
      participates: false,
      isChair: false,
      isCoChair: false,
      isRapporteur: false,
      coordinatesProgram: false,
      amendmentOpen: false,
    },
  });
  return {
    recipientId: person.userId,
    programIds: await readableProgramIds(ctx, person),
    meetingOrganizationId: readsEveryMeeting ? null : person.organizationId,
  };
}

/** Portfolio-level labels of the programs some rows are about. */
export async function loadProgramLabels(
  ctx: ServiceContext,
  rows: readonly NotificationRow[],
): Promise<ProgramLabels> {
  const ids = [...new Set(rows.map(programIdOf).filter((id) => id !== null))];
  const labels = await listProgramLabels(ctx.db, ids);
  return new Map(
    labels.map((p) => [p.id, { id: p.id, code: p.code, titleEn: p.title_en, titleEs: p.title_es }]),
  );
}

function encodeCursor(row: NotificationRow): string {
  return Buffer.from(`${row.created_at}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): NotificationCursor | null {
  if (cursor === undefined) return null;
  const [createdAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !id || !createdAt || Number.isNaN(Date.parse(createdAt))) {
    throw new AppError(400, ErrorCodes.validation, 'Unknown cursor.', 'cursor');
  }
  return { createdAt, id };
}

/** A page of the person's notifications they may still read, newest first, with the unread count. */
export async function listNotifications(
  ctx: ServiceContext,
  person: PolicyPerson,
  query: ListNotificationsQuery,
): Promise<NotificationPage> {
  const after = decodeCursor(query.cursor);
  const scopes = await visibleScopes(ctx, person);
  const [rows, unreadCount] = await Promise.all([
    listNotificationRows(ctx.db, scopes, query.limit + 1, after),
    countUnread(ctx.db, scopes),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const labels = await loadProgramLabels(ctx, page);
  return {
    data: page.map((row) => presentNotification(row, labels)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    unreadCount,
  };
}

/** How many unread notifications the person may still read. */
export async function unreadCount(ctx: ServiceContext, person: PolicyPerson): Promise<number> {
  return countUnread(ctx.db, await visibleScopes(ctx, person));
}

/**
 * Marks the person's own notifications read (ids of others' change nothing and say nothing);
 * emits `notifications.read` so their other tabs follow. Answers the new unread count.
 */
export async function markNotificationsRead(
  ctx: ServiceContext,
  person: PolicyPerson,
  ids: readonly string[] | 'all',
): Promise<number> {
  await markRead(ctx.db, person.userId, ids, ctx.now().toISOString());
  const count = await unreadCount(ctx, person);
  const which = ids === 'all' ? { all: true as const } : { ids: [...ids] };
  ctx.events.emit('notifications.read', { userId: person.userId, ...which, unreadCount: count });
  return count;
}

/** The person's choice per kind; a kind never chosen is on. */
export async function getPreferences(
  ctx: ServiceContext,
  userId: string,
): Promise<NotificationPreferences> {
  const rows = await listPreferenceRows(ctx.db, userId);
  const off = new Set(rows.filter((r) => Number(r.enabled) === 0).map((r) => r.kind));
  const entries = NotificationKinds.map((kind) => [kind, !off.has(kind)] as const);
  return Object.fromEntries(entries) as NotificationPreferences;
}

/** Whether the person wants notifications of this kind. */
export async function wantsKind(
  ctx: ServiceContext,
  userId: string,
  kind: NotificationKind,
): Promise<boolean> {
  return (await getPreferences(ctx, userId))[kind];
}

/** Changes the person's choice for the kinds given; answers every kind's choice. */
export async function updatePreferences(
  ctx: ServiceContext,
  userId: string,
  input: UpdateNotificationPreferencesInput,
): Promise<NotificationPreferences> {
  const choices = NotificationKinds.flatMap((kind) => {
    const enabled = input[kind];
    return enabled === undefined ? [] : [{ kind, enabled }];
  });
  await upsertPreferences(ctx.db, userId, choices);
  return getPreferences(ctx, userId);
}
