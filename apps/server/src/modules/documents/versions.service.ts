import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { PLAN_FRAGMENT, diffPlans, jsonToTextLines, jsonToMarkdown } from '@mesa/editor';
import { authorizeProgram, type Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import {
  insertVersion,
  selectVersion,
  selectVersions,
  versionNumber,
} from './documents.repository.js';
import { presentVersion } from './documents.presenter.js';
import type { LiveDocuments } from './live-documents.js';
import { currentState, planJsonOf } from './plan-content.js';

const LIST_LIMIT = 200;

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

async function findVersion(ctx: ServiceContext, programId: string, versionId: string) {
  const row = await selectVersion(ctx.db, planDocumentName(programId), versionId);
  if (!row) throw new NotFoundError('version');
  return row;
}

/** The plan's versions, newest first (read access). */
export async function listPlanVersions(ctx: ServiceContext, actor: Actor, programId: string) {
  await authorizeProgram(ctx, actor, 'read', programId);
  const rows = await selectVersions(ctx.db, planDocumentName(programId), LIST_LIMIT);
  return rows.map(presentVersion);
}

/** Saves the plan as it is now under a name (edit access); the author is the actor. */
export async function createNamedVersion(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: { actor: Actor; programId: string; name: string },
) {
  await authorizeProgram(ctx, input.actor, 'editPlan', input.programId);
  const document = planDocumentName(input.programId);
  const state = await currentState(live, document);
  const id = newId();
  const row = {
    id,
    document,
    name: input.name,
    kind: 'named',
    created_by: input.actor.userId,
    created_at: ctx.now().toISOString(),
  };
  await insertVersion(ctx.db, { ...row, state });
  const number = await versionNumber(ctx.db, document, row);
  return presentVersion({ ...row, author_name: input.actor.name, number });
}

/** One version's content, read-only: ProseMirror JSON, plain text and Markdown. */
export async function getPlanVersion(
  ctx: ServiceContext,
  actor: Actor,
  programId: string,
  versionId: string,
) {
  await authorizeProgram(ctx, actor, 'read', programId);
  const row = await findVersion(ctx, programId, versionId);
  const content = planJsonOf(row.state);
  return {
    version: presentVersion(row),
    content: content as unknown as Record<string, unknown>,
    text: jsonToTextLines(content).join('\n'),
    markdown: jsonToMarkdown(content),
  };
}

/** What changed from a version to the current plan: text line by line, tables as tables. */
export async function comparePlanVersion(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: { actor: Actor; programId: string; versionId: string },
) {
  await authorizeProgram(ctx, input.actor, 'read', input.programId);
  const row = await findVersion(ctx, input.programId, input.versionId);
  const current = planJsonOf(await currentState(live, planDocumentName(input.programId)));
  return { version: presentVersion(row), diff: diffPlans(planJsonOf(row.state), current) };
}

/**
 * Restores a version as a new change: the live plan's content is replaced by a copy of the
 * version's, in one transaction on the loaded document, so every connected editor sees it
 * and history stays append-only (nothing is rewound).
 */
export async function restorePlanVersion(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: { actor: Actor; programId: string; versionId: string },
): Promise<void> {
  await authorizeProgram(ctx, input.actor, 'editPlan', input.programId);
  const row = await findVersion(ctx, input.programId, input.versionId);
  const old = docOf(row.state);
  // Hooks never occur in a Tiptap plan; keeping only elements and text keeps the types honest.
  const nodes: (Y.XmlElement | Y.XmlText)[] = [];
  for (const n of old.getXmlFragment(PLAN_FRAGMENT).toArray()) {
    if (n instanceof Y.XmlText) nodes.push(n.clone());
    else if (!(n instanceof Y.XmlHook)) nodes.push(n.clone());
  }
  old.destroy();
  const found = await live.change(planDocumentName(input.programId), (doc) => {
    const fragment = doc.getXmlFragment(PLAN_FRAGMENT);
    fragment.delete(0, fragment.length);
    fragment.insert(0, nodes);
  });
  if (!found) throw new NotFoundError('plan');
  await ctx.onDocumentRestored?.(planDocumentName(input.programId));
}
