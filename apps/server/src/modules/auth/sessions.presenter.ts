import type { SessionInfo } from '@mesa/shared';
import type { SessionRow } from './auth.repository.js';

/** A session as its owner sees it: never the secret or its hash. */
export function presentSession(row: SessionRow, currentSessionId: string): SessionInfo {
  return {
    id: row.id,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at,
    userAgent: row.user_agent,
    ip: row.ip,
    current: row.id === currentSessionId,
  };
}
