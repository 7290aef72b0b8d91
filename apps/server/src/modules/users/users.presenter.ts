import { RoleSchema, type Person } from '@mesa/shared';
import type { PersonRow } from './users.repository.js';

/** A person as administrators see them. */
export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: RoleSchema.parse(row.role),
    organizationId: row.organization_id,
    organizationName: { en: row.organization_name_en, es: row.organization_name_es },
    active: Boolean(row.active),
    createdAt: row.created_at,
  };
}
