import type { Kysely } from 'kysely';
import type { CreateOrganizationInput, Organization } from '@mesa/shared';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
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

/** Creates an organization (administrators). */
export async function createOrganization(
  ctx: ServiceContext,
  input: CreateOrganizationInput,
): Promise<Organization> {
  const id = newId();
  await insertOrganizationRow(ctx.db, {
    id,
    name: input.name,
    short_name: input.shortName,
    kind: input.kind,
    country_code: input.countryCode ?? null,
    created_at: ctx.now().toISOString(),
  });
  return getOrganization(ctx, id);
}

/** One organization, or 404. */
export async function getOrganization(ctx: ServiceContext, id: string): Promise<Organization> {
  const row = await findOrganizationRow(ctx.db, id);
  if (!row) throw new NotFoundError('organization');
  return presentOrganization(row);
}

/** Renames an organization (its kind never changes: rights depend on it). */
export async function renameOrganization(
  ctx: ServiceContext,
  id: string,
  patch: { name?: string; shortName?: string },
): Promise<Organization> {
  await getOrganization(ctx, id);
  await updateOrganizationRow(ctx.db, id, { name: patch.name, short_name: patch.shortName });
  return getOrganization(ctx, id);
}
