import type { Kysely } from 'kysely';
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
}
