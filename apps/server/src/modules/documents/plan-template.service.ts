import type { Kysely } from 'kysely';
import { planDocumentName, type Locale } from '@mesa/shared';
import { planTemplateUpdate } from '@mesa/editor';
import type { Database } from '../../db/schema.js';
import { insertDocumentIfAbsent, insertUpdates } from './documents.repository.js';

/**
 * Creates a program's plan with its template, inside the caller's transaction (program
 * creation or seeding). The document row is the guard: if the plan exists already nothing is
 * written, so the template can never be written twice. Returns true when it created the plan.
 */
export async function createPlanDocument(
  trx: Kysely<Database>,
  programId: string,
  locale: Locale,
  at: Date = new Date(),
): Promise<boolean> {
  const name = planDocumentName(programId);
  const created_at = at.toISOString();
  const created = await insertDocumentIfAbsent(trx, { name, kind: 'plan', created_at });
  if (!created) return false;
  await insertUpdates(trx, [{ document: name, update: planTemplateUpdate(locale), created_at }]);
  return true;
}
