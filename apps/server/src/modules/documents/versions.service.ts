import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import {
  PLAN_FRAGMENT,
  diffLines,
  docToMarkdown,
  fragmentToJson,
  jsonToTextLines,
  jsonToMarkdown,
} from '@mesa/editor';
import { authorizeProgram, type Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { insertVersion, selectVersion, selectVersions } from './documents.repository.js';
import { presentVersion } from './documents.presenter.js';
import type { LiveDocuments } from './live-documents.js';

const LIST_LIMIT = 200;

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

async function currentState(live: LiveDocuments, name: string): Promise<Uint8Array> {
  const state = await live.state(name);
  if (!state) throw new NotFoundError('plan');
  return state;
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
  return presentVersion({ ...row, author_name: input.actor.name });
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
  const doc = docOf(row.state);
  const content = fragmentToJson(doc.getXmlFragment(PLAN_FRAGMENT));
  doc.destroy();
  return {
    version: presentVersion(row),
    content: content as unknown as Record<string, unknown>,
    text: jsonToTextLines(content).join('\n'),
    markdown: jsonToMarkdown(content),
  };
}

/** A line diff of the plain text from a version to the current plan. */
export async function comparePlanVersion(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: { actor: Actor; programId: string; versionId: string },
) {
  await authorizeProgram(ctx, input.actor, 'read', input.programId);
  const row = await findVersion(ctx, input.programId, input.versionId);
  const linesOf = (state: Uint8Array) => {
    const doc = docOf(state);
    const lines = jsonToTextLines(fragmentToJson(doc.getXmlFragment(PLAN_FRAGMENT)));
    doc.destroy();
    return lines;
  };
  const current = linesOf(await currentState(live, planDocumentName(input.programId)));
  return { version: presentVersion(row), diff: diffLines(linesOf(row.state), current) };
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
}

/** The current plan as Markdown (read access). */
export async function exportPlanMarkdown(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: { actor: Actor; programId: string },
): Promise<string> {
  await authorizeProgram(ctx, input.actor, 'read', input.programId);
  const doc = docOf(await currentState(live, planDocumentName(input.programId)));
  const markdown = docToMarkdown(doc);
  doc.destroy();
  return markdown;
}
