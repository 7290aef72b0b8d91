import type { Kysely } from 'kysely';
import type { Component, Program } from '@mesa/shared';
import type { Database } from '../../db/schema.js';
import { NotFoundError } from '../../lib/errors.js';
import { findProgramRow, listComponentRows, listProgramRows } from './portfolio.repository.js';
import { presentComponent, presentProgram } from './portfolio.presenter.js';

/** The four components in order. */
export async function listComponents(db: Kysely<Database>): Promise<Component[]> {
  return (await listComponentRows(db)).map(presentComponent);
}

/** Every program of the portfolio. */
export async function listPrograms(db: Kysely<Database>): Promise<Program[]> {
  return (await listProgramRows(db)).map(presentProgram);
}

/** One program, or NotFoundError. */
export async function getProgram(db: Kysely<Database>, id: string): Promise<Program> {
  const row = await findProgramRow(db, id);
  if (!row) throw new NotFoundError('program');
  return presentProgram(row);
}
