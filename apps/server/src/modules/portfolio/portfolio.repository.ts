import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, ProgramsTable, ComponentsTable } from '../../db/schema.js';

/** A program row as stored. */
export type ProgramRow = Selectable<ProgramsTable>;
/** A component row as stored. */
export type ComponentRow = Selectable<ComponentsTable>;

/** Every component in display order. */
export function listComponentRows(db: Kysely<Database>): Promise<ComponentRow[]> {
  return db.selectFrom('components').selectAll().orderBy('position').execute();
}

/** Every program, ordered by component, then code (uncoded last), then English title. */
export async function listProgramRows(db: Kysely<Database>): Promise<ProgramRow[]> {
  const rows = await db.selectFrom('programs').selectAll().execute();
  return rows.sort(compareProgramRows);
}

function compareProgramRows(a: ProgramRow, b: ProgramRow): number {
  if (a.component_id !== b.component_id) return a.component_id < b.component_id ? -1 : 1;
  if (a.code !== b.code) {
    if (a.code === null) return 1;
    if (b.code === null) return -1;
    return a.code.localeCompare(b.code, 'en', { numeric: true });
  }
  return a.title_en.localeCompare(b.title_en, 'en');
}

/** One program by id, or undefined. */
export function findProgramRow(db: Kysely<Database>, id: string): Promise<ProgramRow | undefined> {
  return db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a component (seed only). */
export async function insertComponentRow(db: Kysely<Database>, row: Insertable<ComponentsTable>) {
  await db.insertInto('components').values(row).execute();
}

/** Inserts a program. */
export async function insertProgramRow(db: Kysely<Database>, row: Insertable<ProgramsTable>) {
  await db.insertInto('programs').values(row).execute();
}

/** The id of the program with this code, if any. */
export async function findProgramIdByCode(
  db: Kysely<Database>,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('programs')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

/** Changes a program's fields and bumps its version. */
export async function updateProgramRow(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<ProgramsTable>,
): Promise<void> {
  await db
    .updateTable('programs')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
