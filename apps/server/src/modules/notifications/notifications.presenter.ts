import {
  NotificationKindSchema,
  NotificationTargetSchema,
  targetProgramId,
  type Notification,
} from '@mesa/shared';
import type { NotificationRow } from './notifications.repository.js';

/** A program's portfolio-level labels, by id. */
export type ProgramLabels = ReadonlyMap<string, Notification['program']>;

/** The target stored with a row, parsed with the shared schema (a bad row fails loudly). */
export function parseTarget(row: Pick<NotificationRow, 'target'>): Notification['target'] {
  return NotificationTargetSchema.parse(JSON.parse(row.target));
}

/** The program a row's target belongs to, for display. */
export function programIdOf(row: Pick<NotificationRow, 'target'>): string | null {
  return targetProgramId(parseTarget(row));
}

/** A notification row as its recipient sees it. */
export function presentNotification(row: NotificationRow, programs: ProgramLabels): Notification {
  const target = parseTarget(row);
  const programId = targetProgramId(target);
  const actor =
    row.actor_id === null || row.actor_name === null
      ? null
      : {
          id: row.actor_id,
          name: row.actor_name,
          organizationName: { en: row.actor_org_en ?? '', es: row.actor_org_es ?? '' },
        };
  return {
    id: row.id,
    kind: NotificationKindSchema.parse(row.kind),
    actor,
    program: programId === null ? null : (programs.get(programId) ?? null),
    target,
    excerpt: row.excerpt,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
