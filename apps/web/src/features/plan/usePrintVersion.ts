import type { PlanVersion } from '@mesa/shared';
import { usePlanVersion, usePlanVersions } from './useVersions';

/** Which version printed text is, as far as the browser can tell. */
export type PrintVersion =
  | { kind: 'saved'; version: PlanVersion }
  | { kind: 'changed'; version: PlanVersion }
  | { kind: 'never' }
  | { kind: 'unknown' };

/**
 * Whether the text about to print is exactly the plan's latest saved version (its Markdown,
 * as the server writes it, equals the live plan's), the current text changed since, or the
 * current text of a plan never saved. Until the versions are read — or when they cannot be —
 * it is `unknown`, and the heading says it was not compared rather than guess.
 */
export function usePrintVersion(programId: string, markdown: string): PrintVersion {
  const versions = usePlanVersions(programId);
  const latest = versions.data?.[0] ?? null;
  const content = usePlanVersion(programId, latest?.id ?? null);
  if (!versions.data) return { kind: 'unknown' };
  if (!latest) return { kind: 'never' };
  if (!content.data) return { kind: 'unknown' };
  return content.data.markdown === markdown
    ? { kind: 'saved', version: latest }
    : { kind: 'changed', version: latest };
}
