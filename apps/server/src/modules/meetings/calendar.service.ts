import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import ical, { ICalEventStatus } from 'ical-generator';
import { LocaleSchema, OrganizationKindSchema, RoleSchema, type Locale } from '@mesa/shared';
import type { PolicyPerson } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import {
  deleteCalendarFeed,
  findCalendarFeed,
  findFeedOwner,
  findMeetingRow,
  listAgendaRows,
  listAgendaRowsOf,
  listMeetingRows,
  upsertCalendarFeed,
  type AgendaItemRow,
  type MeetingRow,
} from './meetings.repository.js';

/** 25 random bytes: 200 bits, 40 base32 characters (the feed's secret). */
const FEED_TOKEN_BYTES = 25;

const words = {
  en: { cancelled: 'Cancelled', agenda: 'Agenda', call: 'Call', minutes: 'min' },
  es: { cancelled: 'Cancelada', agenda: 'Orden del día', call: 'Enlace', minutes: 'min' },
} satisfies Record<Locale, Record<string, string>>;

function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function describe(row: MeetingRow, agenda: AgendaItemRow[], locale: Locale, link: string): string {
  const w = words[locale];
  const lines: string[] = [];
  if (agenda.length > 0) {
    lines.push(`${w.agenda}:`);
    for (const item of agenda) {
      const title =
        (locale === 'es' ? item.title_es : item.title_en) || item.title_en || item.title_es;
      lines.push(`${item.position + 1}. ${title} (${item.planned_minutes} ${w.minutes})`);
    }
    lines.push('');
  }
  if (row.call_url) lines.push(`${w.call}: ${row.call_url}`);
  lines.push(link);
  return lines.join('\n');
}

/** Adds one meeting as a VEVENT: stable UID, SEQUENCE from the meeting, times in UTC. */
function addEvent(
  ctx: ServiceContext,
  calendar: ReturnType<typeof ical>,
  row: MeetingRow,
  agenda: AgendaItemRow[],
  locale: Locale,
) {
  const title = (locale === 'es' ? row.title_es : row.title_en) || row.title_en || row.title_es;
  const link = `${ctx.config.publicUrl}/meetings/${row.id}`;
  const cancelled = row.state === 'cancelled';
  calendar.createEvent({
    id: `${row.id}@mesa`,
    sequence: row.ics_sequence,
    start: new Date(row.starts_at),
    end: new Date(row.ends_at),
    stamp: new Date(row.updated_at),
    created: new Date(row.created_at),
    lastModified: new Date(row.updated_at),
    summary: cancelled ? `${words[locale].cancelled}: ${title}` : title,
    description: describe(row, agenda, locale, link),
    location: row.location ?? row.call_url ?? null,
    url: link,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

function newCalendar(name: string) {
  return ical({ name, prodId: { company: 'Mesa', product: 'Meetings', language: 'EN' } });
}

/** One meeting as an iCalendar file in the person's language (the caller checked `read`). */
export async function meetingIcs(
  ctx: ServiceContext,
  locale: Locale,
  meetingId: string,
): Promise<string> {
  const row = await findMeetingRow(ctx.db, meetingId);
  if (!row) throw new NotFoundError('meeting');
  const calendar = newCalendar(locale === 'es' ? row.title_es : row.title_en);
  addEvent(ctx, calendar, row, await listAgendaRows(ctx.db, meetingId), locale);
  return calendar.toString();
}

/**
 * The feed of the person whose token this is: every meeting they may read now (cancelled ones
 * with STATUS:CANCELLED). 404 for an unknown or rotated token, or a deactivated person.
 */
export async function feedIcs(ctx: ServiceContext, token: string): Promise<string> {
  const owner = await findFeedOwner(ctx.db, hashToken(token));
  if (!owner) throw new NotFoundError('calendar feed');
  const person: PolicyPerson = {
    userId: owner.id,
    organizationId: owner.organization_id,
    role: RoleSchema.parse(owner.role),
    organizationKind: OrganizationKindSchema.parse(owner.kind),
  };
  const locale = LocaleSchema.parse(owner.locale);
  // Access as the policy says now: admins read every meeting, others their organization's.
  const rows = await listMeetingRows(ctx.db, {
    organizationId: person.role === 'admin' ? null : person.organizationId,
  });
  const calendar = newCalendar(locale === 'es' ? 'Reuniones de Mesa' : 'Mesa meetings');
  const agendas = await listAgendaRowsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  for (const row of rows) addEvent(ctx, calendar, row, agendas.get(row.id) ?? [], locale);
  return calendar.toString();
}

/** When the person's feed was made, or null. */
export async function feedStatus(ctx: ServiceContext, userId: string) {
  const row = await findCalendarFeed(ctx.db, userId);
  return { createdAt: row?.created_at ?? null };
}

/** A new feed token for the person (the old one dies); its address is returned only now. */
export async function createFeed(ctx: ServiceContext, userId: string) {
  const token = encodeBase32LowerCaseNoPadding(
    crypto.getRandomValues(new Uint8Array(FEED_TOKEN_BYTES)),
  );
  const createdAt = ctx.now().toISOString();
  await ctx.db
    .transaction()
    .execute((trx) => upsertCalendarFeed(trx, userId, hashToken(token), createdAt));
  return { url: `${ctx.config.publicUrl}/api/calendar/${token}.ics`, createdAt };
}

/** Removes the person's feed. */
export async function removeFeed(ctx: ServiceContext, userId: string): Promise<void> {
  await deleteCalendarFeed(ctx.db, userId);
}
