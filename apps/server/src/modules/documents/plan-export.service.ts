import { planDocumentName } from '@mesa/shared';
import { jsonToMarkdown, planExportHeader, type ExportVersion } from '@mesa/editor';
import type { Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { downloadFileName } from '../../lib/download-names.js';
import { getProgram } from '../portfolio/index.js';
import { selectLatestVersion } from './documents.repository.js';
import type { LiveDocuments } from './live-documents.js';
import { currentState, planJsonOf } from './plan-content.js';

/** An exported plan: its Markdown and the name to save it under. */
export interface PlanExport {
  /** The heading (code and title, date, version), then the plan. */
  markdown: string;
  /** "BA1 Prevención de la violencia.md", free of characters illegal in file names. */
  fileName: string;
}

/**
 * The current plan as Markdown for the person asking (read access): it starts with the
 * program's code and title in their language, the export time in their zone, and which saved
 * version the text is — or that it is the current text, when it differs from the latest
 * saved version (compared as the Markdown both would export).
 */
export async function exportPlanMarkdown(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: { actor: Actor; programId: string },
): Promise<PlanExport> {
  const { actor, programId } = input;
  const program = await getProgram(ctx, actor, programId);
  const name = planDocumentName(programId);
  const [state, latestRow] = await Promise.all([
    currentState(live, name),
    selectLatestVersion(ctx.db, name),
  ]);
  const body = jsonToMarkdown(planJsonOf(state));
  const latest: ExportVersion | null = latestRow
    ? { number: latestRow.number, name: latestRow.name, savedAt: latestRow.created_at }
    : null;
  const title = actor.locale === 'es' ? program.titleEs : program.titleEn;
  const header = planExportHeader({
    code: program.code,
    title,
    exportedAt: ctx.now(),
    locale: actor.locale,
    timeZone: actor.timeZone,
    latest,
    changedSince: !latestRow || jsonToMarkdown(planJsonOf(latestRow.state)) !== body,
  });
  return {
    markdown: `${header}\n${body}`,
    fileName: downloadFileName([program.code, title], 'md', 'plan'),
  };
}
