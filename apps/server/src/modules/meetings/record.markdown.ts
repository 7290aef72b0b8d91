import type { Locale, PublishedRecord } from '@mesa/shared';
import { AGENDA_KIND_LABELS, escapeMarkdownText, formatExportDate } from '@mesa/editor';

/** The record's headings and labels in each language (the reader's, not the minutes'). */
const LABELS = {
  en: {
    record: 'Published record',
    when: 'When',
    where: 'Where',
    chair: 'Chair',
    coChairs: 'Co-chairs',
    rapporteurs: 'Rapporteurs',
    published: 'Published',
    by: 'by',
    agenda: 'Agenda',
    minutes: 'Minutes',
    noMinutes: 'No minutes were written.',
    attendance: 'Attendance by delegation',
    noAttendance: 'No delegations were recorded.',
    marks: { present: 'present', absent: 'absent', excused: 'excused', null: 'not marked' },
    inRoom: 'in the room',
    decisions: 'Decisions',
    noDecisions: 'No decisions were recorded.',
    actionItems: 'Action items (as they stood at publishing)',
    noActionItems: 'No action items were recorded.',
    owner: 'Owner',
    due: 'due',
    status: { open: 'open', in_progress: 'in progress', done: 'done', dropped: 'dropped' },
    overdue: 'overdue',
    addenda: 'Addenda',
    noAddenda: 'No addenda.',
    minutesUnit: 'min',
  },
  es: {
    record: 'Acta publicada',
    when: 'Cuándo',
    where: 'Dónde',
    chair: 'Presidencia',
    coChairs: 'Copresidencia',
    rapporteurs: 'Relatoría',
    published: 'Publicada',
    by: 'por',
    agenda: 'Agenda',
    minutes: 'Acta',
    noMinutes: 'No se redactó el acta.',
    attendance: 'Asistencia por delegación',
    noAttendance: 'No se registraron delegaciones.',
    marks: { present: 'presente', absent: 'ausente', excused: 'excusada', null: 'sin marcar' },
    inRoom: 'en la sala',
    decisions: 'Decisiones',
    noDecisions: 'No se registraron decisiones.',
    actionItems: 'Acciones (según su estado al publicar)',
    noActionItems: 'No se registraron acciones.',
    owner: 'Responsable',
    due: 'vence',
    status: { open: 'abierta', in_progress: 'en curso', done: 'hecha', dropped: 'descartada' },
    overdue: 'vencida',
    addenda: 'Adendas',
    noAddenda: 'Sin adendas.',
    minutesUnit: 'min',
  },
} as const;

/** Record headings per language (shared with the tests). */
export const RECORD_LABELS = LABELS;

function text(value: { en: string; es: string }, locale: Locale): string {
  return (locale === 'es' ? value.es || value.en : value.en || value.es).trim();
}

function time(iso: string, locale: Locale, timeZone: string): string {
  return formatExportDate(new Date(iso), locale, timeZone);
}

function clock(iso: string, locale: Locale, timeZone: string): string {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat(locale, { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(iso));
}

/**
 * The published record as Markdown for one reader: headings and labels in their language,
 * times on the 24-hour clock in their zone (with its offset), the minutes as published (in the
 * language they were written in), then attendance, decisions, action items and addenda.
 */
export function recordMarkdown(record: PublishedRecord, locale: Locale, timeZone: string): string {
  const l = LABELS[locale];
  const esc = escapeMarkdownText;
  const out: string[] = [];
  out.push(`# ${esc(text(record.title, locale))}`, '');
  out.push(`${l.record}`, '');
  out.push(
    `- ${l.when}: ${time(record.startsAt, locale, timeZone)} – ${clock(record.endsAt, locale, timeZone)}`,
  );
  if (record.location) out.push(`- ${l.where}: ${esc(record.location)}`);
  out.push(`- ${l.chair}: ${esc(record.chair.name)}`);
  if (record.coChairs.length > 0)
    out.push(`- ${l.coChairs}: ${record.coChairs.map((p) => esc(p.name)).join(', ')}`);
  if (record.rapporteurs.length > 0)
    out.push(`- ${l.rapporteurs}: ${record.rapporteurs.map((p) => esc(p.name)).join(', ')}`);
  out.push(
    `- ${l.published}: ${time(record.publishedAt, locale, timeZone)} ${l.by} ${esc(record.publishedBy.name)}`,
    '',
  );

  out.push(`## ${l.agenda}`, '');
  record.agenda.forEach((item, i) =>
    out.push(
      `${i + 1}. ${esc(text(item.title, locale))} (${AGENDA_KIND_LABELS[locale][item.kind]}, ${item.plannedMinutes} ${l.minutesUnit})`,
    ),
  );
  if (record.agenda.length > 0) out.push('');

  out.push(`## ${l.minutes}`, '');
  // The minutes' own headings go one level down, under this section.
  const minutes = record.minutesMarkdown
    .trim()
    .split('\n')
    .map((line) => (/^#{1,5} /.test(line) ? `#${line}` : line))
    .join('\n');
  out.push(minutes.trim() ? minutes : `_${l.noMinutes}_`, '');

  out.push(`## ${l.attendance}`, '');
  if (record.attendance.length === 0) out.push(`_${l.noAttendance}_`);
  for (const a of record.attendance) {
    const mark = l.marks[a.mark ?? 'null'];
    out.push(`- **${esc(text(a.organization.name, locale))}**: ${mark}`);
    for (const p of a.people) {
      const stays = p.stays
        .map(
          (s) =>
            `${clock(s.joinedAt, locale, timeZone)}–${s.leftAt ? clock(s.leftAt, locale, timeZone) : ''}`,
        )
        .join(', ');
      out.push(`  - ${esc(p.name)} (${l.inRoom} ${stays})`);
    }
  }
  out.push('');

  out.push(`## ${l.decisions}`, '');
  if (record.decisions.length === 0) out.push(`_${l.noDecisions}_`);
  record.decisions.forEach((d, i) => out.push(`${i + 1}. ${esc(text(d.text, locale))}`));
  out.push('');

  out.push(`## ${l.actionItems}`, '');
  if (record.actionItems.length === 0) out.push(`_${l.noActionItems}_`);
  for (const a of record.actionItems) {
    const owner = [text(a.ownerOrganization.name, locale), a.ownerPerson?.name]
      .filter(Boolean)
      .map((s) => esc(s!))
      .join(', ');
    const overdue = a.overdue ? `, ${l.overdue}` : '';
    out.push(
      `- ${esc(text(a.text, locale))} — ${l.owner}: ${owner}; ${l.due} ${a.dueDate}; ${l.status[a.status]}${overdue}`,
    );
  }
  out.push('');

  out.push(`## ${l.addenda}`, '');
  if (record.addenda.length === 0) out.push(`_${l.noAddenda}_`);
  for (const a of record.addenda) {
    out.push(
      `### ${esc(a.author.name)}, ${time(a.createdAt, locale, timeZone)}`,
      '',
      esc(a.body),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
