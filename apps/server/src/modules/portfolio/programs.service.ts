import type { Kysely, Updateable } from 'kysely';
import {
  ErrorCodes,
  programAbilities,
  type CreateProgramInput,
  type Program,
  type UpdateProgramInput,
} from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import { loadProgramFacts } from '../../authz/index.js';
import type { Database, ProgramsTable } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  findProgramIdByCode,
  findProgramRow,
  insertProgramRow,
  leadOrganizationExists,
  updateProgramRow,
} from './portfolio.repository.js';
import { presentProgram } from './portfolio.presenter.js';

async function assertWritable(
  db: Kysely<Database>,
  input: UpdateProgramInput,
  selfId: string | null,
): Promise<void> {
  if (input.code) {
    const holder = await findProgramIdByCode(db, input.code);
    if (holder && holder !== selfId) {
      throw new ConflictError(`Another program has the code ${input.code}.`, 'code');
    }
  }
  if (input.leadOrganizationId && !(await leadOrganizationExists(db, input.leadOrganizationId))) {
    const message = 'Invalid body: leadOrganizationId names no organization';
    throw new AppError(400, ErrorCodes.validation, message, 'leadOrganizationId');
  }
}

function toColumns(input: UpdateProgramInput): Updateable<ProgramsTable> {
  const cost = input.estimatedCost;
  return {
    code: input.code,
    title_en: input.titleEn,
    title_es: input.titleEs,
    component_id: input.componentId,
    priority: input.priority === undefined ? undefined : input.priority ? 1 : 0,
    status: input.status,
    lead_organization_id: input.leadOrganizationId,
    countries: input.countries && JSON.stringify(input.countries),
    estimated_cost_amount: cost === undefined ? undefined : (cost?.amount ?? null),
    estimated_cost_currency: cost === undefined ? undefined : (cost?.currency ?? null),
  };
}

async function presentFor(ctx: ServiceContext, actor: Actor, id: string): Promise<Program> {
  const [row, facts] = await Promise.all([
    findProgramRow(ctx.db, id),
    loadProgramFacts(ctx, actor, id),
  ]);
  if (!row || !facts) throw new NotFoundError('program');
  return presentProgram(row, programAbilities(actor, facts));
}

/**
 * Creates a program and, in the same transaction, whatever `ctx.onProgramCreated` adds (its
 * plan document); emits `program.created` after commit. 409 for a taken code.
 */
export async function createProgram(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateProgramInput,
): Promise<Program> {
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await assertWritable(trx, input, null);
    const columns = toColumns(input);
    await insertProgramRow(trx, {
      ...columns,
      id,
      code: input.code,
      title_en: input.titleEn,
      title_es: input.titleEs,
      component_id: input.componentId,
      priority: input.priority ? 1 : 0,
      priority_confidence: 'documented',
      confidence: 'documented',
      countries: JSON.stringify(input.countries),
      notes: null,
      created_at: at,
      updated_at: at,
    });
    // The plan template is written in the creating person's language.
    await ctx.onProgramCreated?.(trx, id, actor.locale);
  });
  ctx.events.emit('program.created', { programId: id });
  return presentFor(ctx, actor, id);
}

/** Edits a program's details; emits `program.updated` after commit. 409 for a taken code. */
export async function updateProgram(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: UpdateProgramInput,
): Promise<Program> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findProgramRow(trx, id))) throw new NotFoundError('program');
    await assertWritable(trx, input, id);
    await updateProgramRow(trx, id, { ...toColumns(input), updated_at: ctx.now().toISOString() });
  });
  ctx.events.emit('program.updated', { programId: id });
  return presentFor(ctx, actor, id);
}
