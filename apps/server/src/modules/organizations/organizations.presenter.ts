import { OrganizationKindSchema, type Organization } from '@mesa/shared';
import type { OrganizationRow } from './organizations.repository.js';

/** An organization row as the API shows it: names in both languages, each reader picks. */
export function presentOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: { en: row.name_en, es: row.name_es },
    shortName: { en: row.short_name_en, es: row.short_name_es },
    kind: OrganizationKindSchema.parse(row.kind),
    countryCode: row.country_code,
    iatiIdentifier: row.iati_identifier ?? null,
  };
}
