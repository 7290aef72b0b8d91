import type { Kysely } from 'kysely';

/**
 * Commitments and funding (docs/funding.md): organizations' IATI identifiers; commitment
 * records (donor, program or none for strategy-wide, receiver, modality, sources, disputed
 * figures, soft deletion so their history stays); their transactions (IATI type, value date,
 * amount as an integer of minor units with its ISO 4217 code, the USD value and the rate used,
 * reported and confirmed by); every change with what it was before; exchange rates by currency
 * and date (decimal strings); IATI import previews awaiting confirmation and the identifiers
 * seen before (suggestions). Money is `bigint` (SQLite INTEGER, PostgreSQL int8); times are
 * ISO 8601 UTC text and dates `YYYY-MM-DD` text like every table.
 */
export function funding() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('organizations').addColumn('iati_identifier', 'text').execute();
      await db.schema
        .createIndex('organizations_iati_identifier_idx')
        .on('organizations')
        .column('iati_identifier')
        .unique()
        .execute();
      await db.schema
        .createTable('commitment_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('donor_organization_id', 'text', (c) =>
          c.notNull().references('organizations.id'),
        )
        .addColumn('program_id', 'text', (c) => c.references('programs.id'))
        .addColumn('receiving_organization_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('modality', 'text', (c) => c.notNull())
        .addColumn('description_en', 'text', (c) => c.notNull())
        .addColumn('description_es', 'text', (c) => c.notNull())
        .addColumn('source_url', 'text')
        .addColumn('source_reference', 'text')
        .addColumn('conflicting', 'integer', (c) => c.notNull())
        .addColumn('alternative_of_id', 'text', (c) => c.references('commitment_records.id'))
        .addColumn('iati_identifier', 'text')
        .addColumn('seed_key', 'text', (c) => c.unique())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addColumn('deleted_by', 'text', (c) => c.references('users.id'))
        .execute();
      await db.schema
        .createIndex('commitment_records_program_idx')
        .on('commitment_records')
        .column('program_id')
        .execute();
      await db.schema
        .createIndex('commitment_records_donor_idx')
        .on('commitment_records')
        .column('donor_organization_id')
        .execute();
      await db.schema
        .createIndex('commitment_records_iati_idx')
        .on('commitment_records')
        .column('iati_identifier')
        .execute();
      await db.schema
        .createTable('funding_transactions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('record_id', 'text', (c) =>
          c.notNull().references('commitment_records.id').onDelete('cascade'),
        )
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('value_date', 'text', (c) => c.notNull())
        .addColumn('amount_minor', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('usd_minor', 'bigint')
        .addColumn('rate', 'text')
        .addColumn('rate_date', 'text')
        .addColumn('rate_source', 'text')
        .addColumn('iati_ref', 'text')
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('import_id', 'text')
        .addColumn('reported_by', 'text', (c) => c.references('users.id'))
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
        .addColumn('confirmed_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .execute();
      // Covering the dashboard's sums: per record, they read this index alone, in record order.
      await db.schema
        .createIndex('funding_transactions_record_idx')
        .on('funding_transactions')
        .columns(['record_id', 'currency', 'value_date', 'type', 'usd_minor', 'amount_minor'])
        .execute();
      await db.schema
        .createIndex('funding_transactions_currency_date_idx')
        .on('funding_transactions')
        .columns(['currency', 'value_date'])
        .execute();
      await db.schema
        .createIndex('funding_transactions_iati_ref_idx')
        .on('funding_transactions')
        .column('iati_ref')
        .execute();
      await db.schema
        .createTable('funding_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('record_id', 'text', (c) =>
          c.notNull().references('commitment_records.id').onDelete('cascade'),
        )
        .addColumn('transaction_id', 'text')
        .addColumn('actor_id', 'text', (c) => c.references('users.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema
        .createIndex('funding_changes_record_idx')
        .on('funding_changes')
        .columns(['record_id', 'at'])
        .execute();
      await db.schema
        .createTable('exchange_rates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('rate_date', 'text', (c) => c.notNull())
        .addColumn('rate', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('exchange_rates_currency_date_uq', ['currency', 'rate_date'])
        .execute();
      await db.schema
        .createTable('iati_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('scope_organization_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('preview', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .execute();
      await db.schema
        .createTable('iati_activity_links')
        .addColumn('iati_identifier', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.references('programs.id'))
        .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
