import { EventEmitter } from 'node:events';

/**
 * Domain events, emitted by services after their transaction commits. The live layers
 * (Socket.IO fan-out, document connections) subscribe; services never know who listens.
 */
export interface DomainEventMap {
  /** A session ended (sign-out, revoke, password change, expiry noticed). */
  'session.ended': [{ sessionId: string; userId: string }];
  /** A person was deactivated; every session and connection of theirs must end. */
  'user.deactivated': [{ userId: string }];
  /**
   * Rights may have changed (role, relation, coordinator). Null fields mean "may affect
   * everyone" on that axis; listeners re-check the connections that match.
   */
  'access.changed': [
    { programId: string | null; userId: string | null; organizationId: string | null },
  ];
  /** A program was created. */
  'program.created': [{ programId: string }];
  /** A program's details changed. */
  'program.updated': [{ programId: string }];
}

/** A typed event emitter of domain events; one per app instance. */
export class DomainEvents extends EventEmitter<DomainEventMap> {}
