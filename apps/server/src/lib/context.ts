import type { Kysely } from 'kysely';
import type { Locale } from '@mesa/shared';
import type { Config } from '../env.js';
import type { Database } from '../db/schema.js';
import type { Clock } from './clock.js';
import type { DomainEvents } from './events.js';

/** What every service needs, and nothing of HTTP: built once in `buildApp`. */
export interface ServiceContext {
  db: Kysely<Database>;
  config: Config;
  now: Clock;
  events: DomainEvents;
  /** Where services report what they carry on past (a bookkeeping write that failed). */
  log: ServiceLog;
  /** Runs inside the transaction that creates a program, e.g. to create its plan document. */
  onProgramCreated?: ProgramCreatedHook;
  /**
   * Runs after a version of a document was restored into the live document (the threads
   * module re-anchors the document's threads); its failures are the hook's to report.
   */
  onDocumentRestored?: (documentName: string) => Promise<void>;
}

/** The one logging call services make; the app's pino logger fits it. */
export interface ServiceLog {
  warn(details: object, message: string): void;
}

/** Called in the program-creating transaction with the creating person's locale. */
export type ProgramCreatedHook = (
  trx: Kysely<Database>,
  programId: string,
  locale: Locale,
) => Promise<void>;
