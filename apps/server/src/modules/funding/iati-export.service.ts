import { ErrorCodes, TransactionTypeCodes, TransactionTypeSchema, formatMinor } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import { forbidden, readableProgramIds } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { writeCsv, type CsvCell } from '../../lib/csv.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { usdText } from './conversion.js';
import { currencyDigits } from './currencies.js';
import {
  listExportTransactions,
  listIatiOrganizations,
  listIatiPrograms,
  listProgramParticipants,
  type IatiExportTransactionRow,
  type IatiOrganizationRow,
  type IatiProgramRow,
} from './iati.repository.js';
import { readMinor, readMinorOrNull } from './money-columns.js';

/**
 * IATI export (docs/funding.md, "IATI"): the programs a person may read, each as an IATI 2.03
 * `iati-activity` with its transactions, and the strategy-wide records as one activity
 * `<publisher>-ESCA`; the same transactions as CSV. The XML is built as strings through one
 * escape function (below): the output's shape is fixed, element order must follow the XSD
 * sequence exactly, and plain string building writes 100 000 transactions in well under a
 * second, which a DOM or builder library would not improve on.
 */

/** Escapes text for XML content and attributes; drops characters XML 1.0 does not allow. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** IATI OrganisationType of a Mesa organization kind. */
const ORGANISATION_TYPE: Record<string, string> = {
  sica_secretariat: '40',
  multilateral: '40',
  sica_member: '10',
  partner_nation: '10',
};

/** What an export writes about one activity. */
interface ExportActivity {
  identifier: string;
  program: IatiProgramRow | null;
  transactions: IatiExportTransactionRow[];
}

/** A prepared export. */
export interface IatiExport {
  publisher: IatiOrganizationRow;
  organizations: Map<string, IatiOrganizationRow>;
  participants: Map<string, { organization_id: string; relation: string }[]>;
  activities: ExportActivity[];
}

/** The workspace's publisher: the SICA General Secretariat with its IATI identifier, or 409. */
function publisherOf(
  rows: IatiOrganizationRow[],
): IatiOrganizationRow & { iati_identifier: string } {
  const secretariat = rows.find((r) => r.kind === 'sica_secretariat');
  if (!secretariat?.iati_identifier) {
    throw new AppError(
      409,
      ErrorCodes.conflict,
      "IATI export needs the publisher's identifier: an administrator must set the SICA General Secretariat's IATI organisation identifier under Administration → Organizations.",
      'publisher',
    );
  }
  return secretariat as IatiOrganizationRow & { iati_identifier: string };
}

async function exportData(
  ctx: ServiceContext,
  actor: Actor,
  programId: string | undefined,
): Promise<IatiExport> {
  const [orgRows, programs, readable, participantRows] = await Promise.all([
    listIatiOrganizations(ctx.db),
    listIatiPrograms(ctx.db),
    readableProgramIds(ctx, actor),
    listProgramParticipants(ctx.db),
  ]);
  const publisher = publisherOf(orgRows);
  const mayRead = new Set(readable);
  let chosen: IatiProgramRow[];
  if (programId !== undefined) {
    const program = programs.find((p) => p.id === programId);
    if (!program) throw new NotFoundError('program');
    if (!mayRead.has(programId)) throw forbidden();
    chosen = [program];
  } else {
    chosen = programs.filter((p) => mayRead.has(p.id));
  }
  const strategyWide = programId === undefined;
  const rows = await listExportTransactions(
    ctx.db,
    chosen.map((p) => p.id),
    strategyWide,
  );
  const byProgram = new Map<string | null, IatiExportTransactionRow[]>();
  for (const row of rows) {
    const list = byProgram.get(row.program_id);
    if (list) list.push(row);
    else byProgram.set(row.program_id, [row]);
  }
  const participants = new Map<string, { organization_id: string; relation: string }[]>();
  for (const p of participantRows) {
    participants.set(p.program_id, [...(participants.get(p.program_id) ?? []), p]);
  }
  const activities: ExportActivity[] = chosen.map((program) => ({
    identifier: `${publisher.iati_identifier}-${program.code ?? program.id}`,
    program,
    transactions: byProgram.get(program.id) ?? [],
  }));
  const wide = byProgram.get(null);
  if (strategyWide && wide && wide.length > 0) {
    activities.push({
      identifier: `${publisher.iati_identifier}-ESCA`,
      program: null,
      transactions: wide,
    });
  }
  return {
    publisher,
    organizations: new Map(orgRows.map((o) => [o.id, o])),
    participants,
    activities,
  };
}

const narratives = (en: string, es: string) =>
  `<narrative xml:lang="en">${xmlEscape(en)}</narrative><narrative xml:lang="es">${xmlEscape(es)}</narrative>`;

function orgElement(
  name: 'participating-org' | 'provider-org' | 'receiver-org' | 'reporting-org',
  org: IatiOrganizationRow,
  extra = '',
): string {
  const ref = org.iati_identifier ? ` ref="${xmlEscape(org.iati_identifier)}"` : '';
  const type = ` type="${ORGANISATION_TYPE[org.kind] ?? '40'}"`;
  return `<${name}${ref}${type}${extra}>${narratives(org.name_en, org.name_es)}</${name}>`;
}

function amountOf(row: IatiExportTransactionRow): string {
  const digits = currencyDigits(row.currency) ?? 2;
  return formatMinor(readMinor(row.amount_minor as string | number), digits);
}

function typeCode(type: string): number {
  return TransactionTypeCodes[TransactionTypeSchema.parse(type)];
}

/** The transaction's ref: the IATI ref it came with, else a stable one from its id. */
const refOf = (row: IatiExportTransactionRow) => row.iati_ref ?? `mesa-${row.id}`;

function activityXml(data: IatiExport, activity: ExportActivity, now: string): string {
  const { publisher, organizations } = data;
  const out: string[] = [];
  out.push(
    `<iati-activity last-updated-datetime="${now}" xml:lang="en"><iati-identifier>${xmlEscape(activity.identifier)}</iati-identifier>`,
  );
  out.push(orgElement('reporting-org', publisher));
  const program = activity.program;
  const titleEn = program
    ? program.title_en
    : 'Central American Security Strategy (ESCA): strategy-wide support';
  const titleEs = program
    ? program.title_es
    : 'Estrategia de Seguridad de Centroamérica (ESCA): apoyo a toda la estrategia';
  out.push(`<title>${narratives(titleEn, titleEs)}</title>`);
  const descriptionEn = program
    ? `ESCA program ${program.code ?? ''} ${program.title_en}`.replace(/\s+/g, ' ')
    : 'Pledges and commitments to the strategy as a whole, not to one program.';
  const descriptionEs = program
    ? `Programa de la ESCA ${program.code ?? ''} ${program.title_es}`.replace(/\s+/g, ' ')
    : 'Promesas y compromisos a la estrategia en su conjunto, no a un programa.';
  out.push(`<description type="1">${narratives(descriptionEn, descriptionEs)}</description>`);
  // Participants: donors fund (1), the publisher is accountable (2), lead and partners implement (4).
  const written = new Set<string>();
  const participant = (orgId: string, role: string) => {
    const org = organizations.get(orgId);
    const key = `${orgId}|${role}`;
    if (!org || written.has(key)) return;
    written.add(key);
    out.push(orgElement('participating-org', org, ` role="${role}"`));
  };
  for (const t of activity.transactions) participant(t.donor_organization_id, '1');
  participant(publisher.id, '2');
  if (program) {
    const list = data.participants.get(program.id) ?? [];
    for (const p of list.filter((p) => p.relation === 'lead')) participant(p.organization_id, '4');
    for (const p of list.filter((p) => p.relation === 'partner'))
      participant(p.organization_id, '4');
  }
  out.push('<activity-status code="2"/>');
  const firstDate = activity.transactions.reduce<string | null>(
    (min, t) => (min === null || t.value_date < min ? t.value_date : min),
    null,
  );
  out.push(
    firstDate
      ? `<activity-date type="2" iso-date="${firstDate}"/>`
      : `<activity-date type="1" iso-date="${(program?.created_at ?? now).slice(0, 10)}"/>`,
  );
  for (const t of activity.transactions) {
    const donor = organizations.get(t.donor_organization_id);
    const receiver = t.receiving_organization_id
      ? organizations.get(t.receiving_organization_id)
      : undefined;
    out.push(
      `<transaction ref="${xmlEscape(refOf(t))}"><transaction-type code="${typeCode(t.type)}"/><transaction-date iso-date="${t.value_date}"/><value currency="${t.currency}" value-date="${t.value_date}">${amountOf(t)}</value>`,
    );
    if (t.note.trim() !== '') {
      out.push(`<description><narrative>${xmlEscape(t.note)}</narrative></description>`);
    }
    if (donor) out.push(orgElement('provider-org', donor));
    if (receiver) out.push(orgElement('receiver-org', receiver));
    out.push('</transaction>');
  }
  out.push('</iati-activity>\n');
  return out.join('');
}

/**
 * What an export of every program the person may read (and the strategy-wide records), or of
 * one program, writes: 403 when they may not read that program, 404 when it does not exist,
 * 409 when the publisher has no IATI identifier. Checked before a reply starts.
 */
export function prepareIatiExport(
  ctx: ServiceContext,
  actor: Actor,
  programId?: string,
): Promise<IatiExport> {
  return exportData(ctx, actor, programId);
}

/** The prepared export as an IATI 2.03 activity file, an activity at a time. */
export function* iatiXmlChunks(data: IatiExport, generatedAt: Date): Generator<string> {
  const now = generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${now}">\n`;
  for (const activity of data.activities) yield activityXml(data, activity, now);
  yield '</iati-activities>\n';
}

/** The same transactions as CSV through the project's CSV writer. */
export function iatiCsv(data: IatiExport): string {
  const rows: CsvCell[][] = [];
  for (const activity of data.activities) {
    for (const t of activity.transactions) {
      const donor = data.organizations.get(t.donor_organization_id);
      const receiver = t.receiving_organization_id
        ? data.organizations.get(t.receiving_organization_id)
        : undefined;
      const usd = readMinorOrNull(t.usd_minor as string | number | null);
      rows.push([
        activity.identifier,
        activity.program?.code ?? null,
        activity.program?.title_en ?? 'Strategy-wide',
        refOf(t),
        t.type,
        String(typeCode(t.type)),
        t.value_date,
        amountOf(t),
        t.currency,
        usd === null ? null : usdText(usd),
        donor?.iati_identifier ?? null,
        donor?.name_en ?? null,
        receiver?.name_en ?? null,
        t.note,
      ]);
    }
  }
  return writeCsv(
    [
      'iati_identifier',
      'program_code',
      'program_title',
      'transaction_ref',
      'transaction_type',
      'transaction_type_code',
      'value_date',
      'amount',
      'currency',
      'usd',
      'provider_ref',
      'provider_name',
      'receiver_name',
      'description',
    ],
    rows,
  );
}
