import type { Kysely } from 'kysely';
import type {
  CreateOrganizationInput,
  LocalizedText,
  Organization,
  UpdateOrganizationInput,
} from '@mesa/shared';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  findOrganizationByIatiIdentifier,
  findOrganizationRow,
  insertOrganizationRow,
  listOrganizationRows,
  updateOrganizationRow,
} from './organizations.repository.js';
import { presentOrganization } from './organizations.presenter.js';

/** Every organization of the workspace. */
export async function listOrganizations(db: Kysely<Database>): Promise<Organization[]> {
  return (await listOrganizationRows(db)).map(presentOrganization);
}

const comparable = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * 409 when another organization already has one of these names, in either language and
 * whatever the case: two organizations both called "España" could not be told apart in a
 * select. Compared here, not in SQL, because SQLite's lower() knows only ASCII ("ESPAÑA").
 */
async function assertNamesFree(
  db: Kysely<Database>,
  name: LocalizedText,
  selfId: string | null,
): Promise<void> {
  const others = (await listOrganizationRows(db)).filter((row) => row.id !== selfId);
  for (const locale of ['en', 'es'] as const) {
    const wanted = comparable(name[locale]);
    const holder = others.find(
      (row) => comparable(row.name_en) === wanted || comparable(row.name_es) === wanted,
    );
    if (holder)
      throw new ConflictError(
        `Another organization is already called ${name[locale]}.`,
        `name.${locale}`,
      );
  }
}

/** 409 when another organization already has this IATI identifier. */
async function assertIatiIdentifierFree(
  db: Kysely<Database>,
  iatiIdentifier: string | null | undefined,
  selfId: string | null,
): Promise<void> {
  if (!iatiIdentifier) return;
  const holder = await findOrganizationByIatiIdentifier(db, iatiIdentifier);
  if (holder && holder.id !== selfId)
    throw new ConflictError(
      `${holder.name_en} already has the IATI identifier ${iatiIdentifier}.`,
      'iatiIdentifier',
    );
}

/** Creates an organization (administrators); 409 for a name or IATI identifier another one has. */
export async function createOrganization(
  ctx: ServiceContext,
  input: CreateOrganizationInput,
): Promise<Organization> {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await assertNamesFree(trx, input.name, null);
    await assertIatiIdentifierFree(trx, input.iatiIdentifier, null);
    await insertOrganizationRow(trx, {
      id,
      name_en: input.name.en,
      name_es: input.name.es,
      short_name_en: input.shortName.en,
      short_name_es: input.shortName.es,
      kind: input.kind,
      country_code: input.countryCode ?? null,
      iati_identifier: input.iatiIdentifier ?? null,
      created_at: ctx.now().toISOString(),
    });
  });
  return getOrganization(ctx, id);
}

/** One organization, or 404. */
export async function getOrganization(ctx: ServiceContext, id: string): Promise<Organization> {
  const row = await findOrganizationRow(ctx.db, id);
  if (!row) throw new NotFoundError('organization');
  return presentOrganization(row);
}

/**
 * Renames an organization in both languages and sets or clears its IATI identifier (its kind never changes: rights depend on it);
 * 404 when unknown, 409 for a name another one has. Names shown to people already online
 * (presence, carets) follow when their connections next re-read their session.
 */
export async function renameOrganization(
  ctx: ServiceContext,
  id: string,
  patch: UpdateOrganizationInput,
): Promise<Organization> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findOrganizationRow(trx, id))) throw new NotFoundError('organization');
    if (patch.name) await assertNamesFree(trx, patch.name, id);
    await assertIatiIdentifierFree(trx, patch.iatiIdentifier, id);
    if (!patch.name && !patch.shortName && patch.iatiIdentifier === undefined) return;
    await updateOrganizationRow(trx, id, {
      name_en: patch.name?.en,
      name_es: patch.name?.es,
      short_name_en: patch.shortName?.en,
      short_name_es: patch.shortName?.es,
      iati_identifier: patch.iatiIdentifier,
    });
  });
  return getOrganization(ctx, id);
}
