import type { PlanVersion } from '@mesa/shared';
import type { NumberedVersionRow } from './documents.repository.js';

/** A stored version as the API shows it. */
export function presentVersion(row: NumberedVersionRow): PlanVersion {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    kind: row.kind === 'named' ? 'named' : 'auto',
    createdAt: row.created_at,
    author:
      row.created_by && row.author_name !== null
        ? { id: row.created_by, name: row.author_name }
        : null,
  };
}
