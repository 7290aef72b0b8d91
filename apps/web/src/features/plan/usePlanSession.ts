import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { openCollab, type CollabSession, type LocalUser } from '../../lib/collab';
import type { CollabStatus } from '../../lib/collabPolicy';

/** Options of usePlanSession. */
export interface PlanSessionOptions {
  /** Document name, `plan:<programId>`. */
  documentName: string;
  /** The signed-in person's id. */
  userId: string;
  /** Local caret identity. */
  user: LocalUser;
  /** The person may only read the plan. */
  readOnly: boolean;
  /** Called when the server says access changed (4409). */
  onAccessChanged: () => void;
}

/**
 * Opens the plan's collaborative session for as long as the component is mounted (and again
 * when the person or their right to edit changes); null until it is open.
 */
export function usePlanSession(options: PlanSessionOptions): CollabSession | null {
  const { documentName, userId, readOnly } = options;
  const { id, name, color } = options.user;
  const [session, setSession] = useState<CollabSession | null>(null);
  // Kept in a ref so a new callback identity does not reconnect the document.
  const onAccessChanged = useRef(options.onAccessChanged);
  useEffect(() => {
    onAccessChanged.current = options.onAccessChanged;
  });
  useEffect(() => {
    const opened = openCollab({
      documentName,
      userId,
      readOnly,
      user: { id, name, color },
      onAccessChanged: () => onAccessChanged.current(),
    });
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [documentName, userId, readOnly, id, name, color]);
  return session;
}

/** The session's status, re-rendering only when it changes. */
export function useCollabStatus(session: CollabSession): CollabStatus {
  return useSyncExternalStore(session.subscribe, session.getStatus);
}
