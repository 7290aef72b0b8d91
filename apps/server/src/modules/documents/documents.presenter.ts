import type { PlanVersion } from '@mesa/shared';
import type { VersionRow } from './documents.repository.js';

/** A stored version as the API shows it. */
export function presentVersion(row: VersionRow & { author_name: string | null }): PlanVersion {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'named' ? 'named' : 'auto',
    createdAt: row.created_at,
    author:
      row.created_by && row.author_name !== null
        ? { id: row.created_by, name: row.author_name }
        : null,
  };
}
