import type { Kysely } from 'kysely';
import type { Organization } from '@mesa/shared';
import type { Database } from '../../db/schema.js';
import { listOrganizationRows } from './organizations.repository.js';
import { presentOrganization } from './organizations.presenter.js';

/** Every organization of the workspace. */
export async function listOrganizations(db: Kysely<Database>): Promise<Organization[]> {
  return (await listOrganizationRows(db)).map(presentOrganization);
}
