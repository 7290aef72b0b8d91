import { CloseCodes, parseDocumentName } from '@mesa/shared';
import type { Actor, DocumentAccess } from '../../authz/index.js';
import {
  accessChangeConcerns,
  SESSION_RECHECK_MS,
  type AccessChange,
  type Invalidations,
} from '../invalidations.js';
import type { CollabClient } from './client.js';

/** What re-checking connections needs. */
export interface InvalidationDeps {
  /** Invalidations of every node (`app.invalidations`). */
  events: Invalidations;
  clients: () => Iterable<CollabClient>;
  /** Resolves a connection's cookie to its person; must not count as activity. */
  authenticate: (cookie: string | undefined) => Promise<Actor | null>;
  access: (actor: Actor, documentName: string) => Promise<DocumentAccess>;
  onError: (error: unknown) => void;
  /** How often every connection's session is re-checked; SESSION_RECHECK_MS by default. */
  recheckMs?: number;
}

// Only plans are known to belong to one program; other kinds are re-checked on any change.
function programOf(client: CollabClient): string | null {
  const doc = parseDocumentName(client.doc.name);
  return doc?.kind === 'plan' ? doc.id : null;
}

/** Re-runs authentication and access for one connection; closes it if anything changed. */
async function recheck(client: CollabClient, deps: InvalidationDeps): Promise<void> {
  const actor = await deps.authenticate(client.cookie);
  if (!actor) return client.close(CloseCodes.noSession, 'session ended');
  const access = await deps.access(actor, client.doc.name);
  if (access !== client.mode) client.close(CloseCodes.accessChanged, 'access changed');
}

/**
 * Closes every connection whose session is no longer valid (idle or absolute expiry, or an
 * end this node did not hear of), like Socket.IO's minute re-check. One look-up per session:
 * a person's several documents share it.
 */
async function recheckSessions(deps: InvalidationDeps): Promise<void> {
  const verdicts = new Map<string | undefined, Promise<Actor | null>>();
  for (const client of [...deps.clients()]) {
    let verdict = verdicts.get(client.cookie);
    if (!verdict) verdicts.set(client.cookie, (verdict = deps.authenticate(client.cookie)));
    if (!(await verdict)) client.close(CloseCodes.noSession, 'session ended');
  }
}

/** Runs `task` every `ms`, never two at once. Returns what stops it. */
function every(ms: number, task: () => Promise<void>, onError: (e: unknown) => void) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => (running = false));
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Closes document connections when the session behind them ends (4401), the person is
 * deactivated (4401), or their access may have changed and no longer matches (4409: the
 * client reconnects and is admitted with its new rights, or refused) — on whichever node it
 * happened — and re-checks every session periodically. Returns what stops it.
 */
export function watchAccess(deps: InvalidationDeps): () => void {
  const onSessionEnded = ({ sessionId }: { sessionId: string }) => {
    for (const c of [...deps.clients()])
      if (c.actor.sessionId === sessionId) c.close(CloseCodes.noSession, 'session ended');
  };
  const onDeactivated = ({ userId }: { userId: string }) => {
    for (const c of [...deps.clients()])
      if (c.actor.userId === userId) c.close(CloseCodes.noSession, 'deactivated');
  };
  const onAccessChanged = (change: AccessChange) => {
    const affected = [...deps.clients()].filter((c) =>
      accessChangeConcerns(change, c.actor, programOf(c)),
    );
    for (const c of affected) recheck(c, deps).catch(deps.onError);
  };
  deps.events.on('session.ended', onSessionEnded);
  deps.events.on('user.deactivated', onDeactivated);
  deps.events.on('access.changed', onAccessChanged);
  const stopTimer = every(
    deps.recheckMs ?? SESSION_RECHECK_MS,
    () => recheckSessions(deps),
    deps.onError,
  );
  return () => {
    stopTimer();
    deps.events.off('session.ended', onSessionEnded);
    deps.events.off('user.deactivated', onDeactivated);
    deps.events.off('access.changed', onAccessChanged);
  };
}
