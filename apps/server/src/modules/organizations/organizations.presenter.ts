import { OrganizationKindSchema, type Organization } from '@mesa/shared';
import type { OrganizationRow } from './organizations.repository.js';

/** An organization row as the API shows it. */
export function presentOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    kind: OrganizationKindSchema.parse(row.kind),
    countryCode: row.country_code,
  };
}
