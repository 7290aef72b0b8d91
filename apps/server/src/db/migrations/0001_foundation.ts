import type { Kysely } from 'kysely';
import type { Dialect } from '../client.js';

/** Components, organizations and programs: the portfolio. */
export function foundation(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('components')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('title_es', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('organizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('short_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('country_code', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('programs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('title_es', 'text', (c) => c.notNull())
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
        .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('priority_confidence', 'text', (c) => c.notNull())
        .addColumn('confidence', 'text', (c) => c.notNull())
        .addColumn('status', 'text')
        .addColumn('lead_organization_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('estimated_cost_amount', 'text')
        .addColumn('estimated_cost_currency', 'text')
        .addColumn('notes', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex('programs_component_idx')
        .on('programs')
        .column('component_id')
        .execute();
    },
  };
}
