import {
  AgendaItemKindSchema,
  LocaleSchema,
  formatDocumentName,
  type DocumentKind,
} from '@mesa/shared';
import { minutesTemplateUpdate } from '@mesa/editor';
import type { ServiceContext } from '../../lib/context.js';
import { createDocumentWithContent, registerDocumentCreator } from '../documents/index.js';
import { findMeetingRow, selectAgenda } from './record.repository.js';

const MINUTES: DocumentKind = 'minutes';

/** The minutes document of a meeting: `minutes:<meetingId>`. */
export function minutesDocumentName(meetingId: string): string {
  return formatDocumentName({ kind: MINUTES, id: meetingId });
}

/** States in which a meeting has minutes (from going live on). */
const HAS_MINUTES = new Set(['live', 'ended', 'published']);

/**
 * Creates a meeting's minutes from its agenda — a section per item ("1. Title (Decision)"), in
 * the meeting's minutes language (the chair's) — if the meeting has gone live and they do not
 * exist yet. The document row is the guard: run twice, or by two nodes at once, the template is
 * written once. A scheduled or cancelled meeting never gets minutes. True when it created them.
 */
export async function createMinutesDocument(
  ctx: ServiceContext,
  meetingId: string,
): Promise<boolean> {
  const meeting = await findMeetingRow(ctx.db, meetingId);
  if (!meeting || !HAS_MINUTES.has(meeting.state)) return false;
  const locale = LocaleSchema.catch('en').parse(meeting.minutes_locale);
  const agenda = await selectAgenda(ctx.db, meetingId);
  const items = agenda.map((row) => ({
    title: (locale === 'es' ? row.title_es : row.title_en) || row.title_en || row.title_es,
    kind: AgendaItemKindSchema.catch('discussion').parse(row.kind),
  }));
  const content = minutesTemplateUpdate(items, locale);
  return ctx.db.transaction().execute((trx) =>
    createDocumentWithContent(trx, {
      name: minutesDocumentName(meetingId),
      kind: MINUTES,
      content,
      at: ctx.now(),
    }),
  );
}

/**
 * Wires the minutes: created when a meeting goes live (`meeting.started`, emitted after the
 * state is committed), and on demand when a connection arrives first (the document endpoint
 * asks before loading). Returns what stops listening.
 */
export function registerMinutes(ctx: ServiceContext): () => void {
  registerDocumentCreator(MINUTES, async (c, id) => {
    await createMinutesDocument(c, id);
  });
  const onStarted = ({ meetingId }: { meetingId: string }) => {
    createMinutesDocument(ctx, meetingId).catch((error: unknown) =>
      ctx.log.warn(
        { err: error, meetingId },
        'could not create the minutes; the first connection will',
      ),
    );
  };
  ctx.events.on('meeting.started', onStarted);
  return () => ctx.events.off('meeting.started', onStarted);
}
