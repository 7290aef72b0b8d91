import { CloseCodes, parseDocumentName } from '@mesa/shared';
import type { Actor, DocumentAccess } from '../../authz/index.js';
import type { DomainEvents, DomainEventMap } from '../../lib/events.js';
import type { CollabClient } from './client.js';

type AccessChange = DomainEventMap['access.changed'][0];

/** What re-checking connections needs. */
export interface InvalidationDeps {
  events: DomainEvents;
  clients: () => Iterable<CollabClient>;
  authenticate: (cookie: string | undefined) => Promise<Actor | null>;
  access: (actor: Actor, documentName: string) => Promise<DocumentAccess>;
  onError: (error: unknown) => void;
}

function concerns(client: CollabClient, change: AccessChange): boolean {
  if (change.userId !== null && client.actor.userId !== change.userId) return false;
  if (change.organizationId !== null && client.actor.organizationId !== change.organizationId)
    return false;
  if (change.programId === null) return true;
  const doc = parseDocumentName(client.doc.name);
  // Only plans are known to belong to one program; other kinds are re-checked on any change.
  return doc?.kind !== 'plan' || doc.id === change.programId;
}

/** Re-runs authentication and access for one connection; closes it if anything changed. */
async function recheck(client: CollabClient, deps: InvalidationDeps): Promise<void> {
  const actor = await deps.authenticate(client.cookie);
  if (!actor) return client.close(CloseCodes.noSession, 'session ended');
  const access = await deps.access(actor, client.doc.name);
  if (access !== client.mode) client.close(CloseCodes.accessChanged, 'access changed');
}

/**
 * Closes document connections when the session behind them ends (4401), the person is
 * deactivated (4401), or their access may have changed and no longer matches (4409: the
 * client reconnects and is admitted with its new rights, or refused). Returns unsubscribe.
 */
export function watchAccess(deps: InvalidationDeps): () => void {
  const onSessionEnded = ({ sessionId }: { sessionId: string }) => {
    for (const c of deps.clients())
      if (c.actor.sessionId === sessionId) c.close(CloseCodes.noSession, 'session ended');
  };
  const onDeactivated = ({ userId }: { userId: string }) => {
    for (const c of deps.clients())
      if (c.actor.userId === userId) c.close(CloseCodes.noSession, 'deactivated');
  };
  const onAccessChanged = (change: AccessChange) => {
    const affected = [...deps.clients()].filter((c) => concerns(c, change));
    for (const c of affected) recheck(c, deps).catch(deps.onError);
  };
  deps.events.on('session.ended', onSessionEnded);
  deps.events.on('user.deactivated', onDeactivated);
  deps.events.on('access.changed', onAccessChanged);
  return () => {
    deps.events.off('session.ended', onSessionEnded);
    deps.events.off('user.deactivated', onDeactivated);
    deps.events.off('access.changed', onAccessChanged);
  };
}
