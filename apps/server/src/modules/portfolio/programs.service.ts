import type { Kysely, Updateable } from 'kysely';
import type { CreateProgramInput, Program, UpdateProgramInput } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import type { Database, ProgramsTable } from '../../db/schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  findProgramIdByCode,
  findProgramRow,
  insertProgramRow,
  updateProgramRow,
} from './portfolio.repository.js';
import { presentProgramFor } from './portfolio.service.js';

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
    countries: input.countries && JSON.stringify(input.countries),
    estimated_cost_amount: cost === undefined ? undefined : (cost?.amount ?? null),
    estimated_cost_currency: cost === undefined ? undefined : (cost?.currency ?? null),
  };
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
  return presentProgramFor(ctx, actor, id);
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
  return presentProgramFor(ctx, actor, id);
}
