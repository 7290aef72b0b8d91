import { RelationSchema, type Relation } from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { findUserById } from '../auth/index.js';
import { getOrganization } from '../organizations/index.js';
import {
  deleteCoordinator,
  deleteProgramRelation,
  insertCoordinator,
  listCoordinatorRows,
  listLeadRows,
  listOrganizationsOnPrograms,
  listProgramsOfOrganization,
  listRelationRows,
  upsertProgramRelation,
} from './access.repository.js';

/** A coordinator as listed. */
export interface Coordinator {
  userId: string;
  name: string;
  email: string;
  organizationId: string;
}

/** A program's coordinators. */
export async function listCoordinators(
  ctx: ServiceContext,
  programId: string,
): Promise<Coordinator[]> {
  const rows = await listCoordinatorRows(ctx.db, programId);
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email,
    organizationId: r.organization_id,
  }));
}

/** Names a person coordinator of a program (idempotent); emits `access.changed`. */
export async function addCoordinator(ctx: ServiceContext, programId: string, userId: string) {
  if (!(await findUserById(ctx.db, userId))) throw new NotFoundError('person');
  await insertCoordinator(ctx.db, programId, userId);
  ctx.events.emit('access.changed', { programId, userId, organizationId: null });
}

/** Removes a coordinator (idempotent); emits `access.changed`. */
export async function removeCoordinator(ctx: ServiceContext, programId: string, userId: string) {
  await deleteCoordinator(ctx.db, programId, userId);
  ctx.events.emit('access.changed', { programId, userId, organizationId: null });
}

/** A program's organizations and their relations. */
export async function listRelations(ctx: ServiceContext, programId: string) {
  const rows = await listRelationRows(ctx.db, programId);
  return rows.map((r) => ({
    organizationId: r.id,
    organizationName: { en: r.name_en, es: r.name_es },
    relation: RelationSchema.parse(r.relation),
  }));
}

/** Sets an organization's relation to a program; emits `access.changed`. */
export async function setRelation(
  ctx: ServiceContext,
  programId: string,
  organizationId: string,
  relation: Relation,
) {
  await getOrganization(ctx, organizationId);
  await upsertProgramRelation(ctx.db, programId, organizationId, relation);
  ctx.events.emit('access.changed', { programId, userId: null, organizationId });
}

/** Removes an organization's relation to a program (idempotent); emits `access.changed`. */
export async function removeRelation(
  ctx: ServiceContext,
  programId: string,
  organizationId: string,
) {
  await deleteProgramRelation(ctx.db, programId, organizationId);
  ctx.events.emit('access.changed', { programId, userId: null, organizationId });
}

/**
 * The organizations holding the Lead relation to each program (every program when
 * `programIds` is null): what a program's "Lead organization" detail shows. A program without
 * one is absent from the map.
 */
export async function leadOrganizations(
  ctx: ServiceContext,
  programIds: readonly string[] | null,
): Promise<Map<string, string[]>> {
  if (programIds?.length === 0) return new Map();
  const leads = new Map<string, string[]>();
  for (const row of await listLeadRows(ctx.db, programIds)) {
    const ids = leads.get(row.program_id) ?? [];
    ids.push(row.organization_id);
    leads.set(row.program_id, ids);
  }
  return leads;
}

/** The organizations on any of the programs (lead, partner or observer). */
export function organizationsOnPrograms(ctx: ServiceContext, programIds: readonly string[]) {
  return listOrganizationsOnPrograms(ctx.db, programIds);
}

/** The programs an organization is on (lead, partner or observer). */
export function programsOfOrganization(ctx: ServiceContext, organizationId: string) {
  return listProgramsOfOrganization(ctx.db, organizationId);
}
