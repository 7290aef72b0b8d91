import { programAbilities, type Component, type Program, type ProgramDetails } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import { authorizeProgram, loadProgramFacts, loadProgramStandings } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { leadOrganizations } from '../access/index.js';
import { findProgramRow, listComponentRows, listProgramRows } from './portfolio.repository.js';
import { presentComponent, presentProgram, presentProgramDetails } from './portfolio.presenter.js';

/** The four components in order. */
export async function listComponents(ctx: ServiceContext): Promise<Component[]> {
  return (await listComponentRows(ctx.db)).map(presentComponent);
}

/** Every program of the portfolio (anyone signed in sees it), each with the viewer's abilities. */
export async function listPrograms(ctx: ServiceContext, actor: Actor): Promise<Program[]> {
  const [rows, standings, leads] = await Promise.all([
    listProgramRows(ctx.db),
    loadProgramStandings(ctx, actor),
    leadOrganizations(ctx, null),
  ]);
  return rows.map((row) =>
    presentProgram(
      row,
      leads.get(row.id) ?? [],
      programAbilities(actor, standings.factsOf(row.id)),
    ),
  );
}

/** A program's lead organizations (holders of the Lead relation). */
async function leadsOf(ctx: ServiceContext, id: string): Promise<string[]> {
  return (await leadOrganizations(ctx, [id])).get(id) ?? [];
}

/** One program for someone who may read it; 404 when missing, 403 when outside it. */
export async function getProgram(ctx: ServiceContext, actor: Actor, id: string): Promise<Program> {
  await authorizeProgram(ctx, actor, 'read', id);
  return presentProgramFor(ctx, actor, id);
}

/** One program as this viewer sees it, without checking `read` (callers have); 404 when missing. */
export async function presentProgramFor(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<Program> {
  const [row, facts, leads] = await Promise.all([
    findProgramRow(ctx.db, id),
    loadProgramFacts(ctx, actor, id),
    leadsOf(ctx, id),
  ]);
  if (!row || !facts) throw new NotFoundError('program');
  return presentProgram(row, leads, programAbilities(actor, facts));
}

/**
 * A program's details for no viewer in particular, or null when it does not exist. Only the
 * live fan-out uses it, and only towards rooms whose members passed `can(read)`.
 */
export async function getProgramDetails(
  ctx: ServiceContext,
  id: string,
): Promise<ProgramDetails | null> {
  const [row, leads] = await Promise.all([findProgramRow(ctx.db, id), leadsOf(ctx, id)]);
  return row ? presentProgramDetails(row, leads) : null;
}
