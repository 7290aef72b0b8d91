import type { Kysely } from 'kysely';

/**
 * Live coordination meetings: the meeting (schedule in UTC, state, chair, the live room's
 * server-authoritative state with its sequence number, the published record frozen as JSON),
 * its programs, participating organizations (with the chair's attendance mark), co-chairs and
 * rapporteurs, the agenda, the speaker queue, the room's processed commands (idempotency by
 * the client's commandId), attendance joins and leaves, decisions, action items with their
 * history, addenda to a published record, and each person's calendar feed token (hashed).
 * Plain types both SQLite and PostgreSQL run; times are ISO 8601 UTC text like every table.
 */
export function meetings() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('meetings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('title_es', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('location', 'text')
        .addColumn('call_url', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('chair_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('amendment_days', 'integer', (c) => c.notNull())
        .addColumn('one_speaker_per_delegation', 'integer', (c) => c.notNull())
        .addColumn('speaker_minutes', 'integer')
        .addColumn('minutes_locale', 'text', (c) => c.notNull())
        .addColumn('agenda_revision', 'integer', (c) => c.notNull())
        .addColumn('ics_sequence', 'integer', (c) => c.notNull())
        .addColumn('room_sequence', 'integer', (c) => c.notNull())
        .addColumn('current_item_id', 'text')
        .addColumn('item_started_at', 'text')
        .addColumn('queue_closed', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('amendment_ends_at', 'text')
        .addColumn('published_at', 'text')
        .addColumn('published_by', 'text', (c) => c.references('users.id'))
        .addColumn('cancelled_at', 'text')
        .addColumn('published_record', 'text')
        .execute();
      await db.schema
        .createIndex('meetings_starts_at_idx')
        .on('meetings')
        .columns(['starts_at', 'id'])
        .execute();
      await db.schema
        .createTable('meeting_programs')
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
        .addPrimaryKeyConstraint('meeting_programs_pk', ['meeting_id', 'program_id'])
        .execute();
      await db.schema
        .createIndex('meeting_programs_program_idx')
        .on('meeting_programs')
        .column('program_id')
        .execute();
      await db.schema
        .createTable('meeting_organizations')
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('attendance', 'text')
        .addPrimaryKeyConstraint('meeting_organizations_pk', ['meeting_id', 'organization_id'])
        .execute();
      await db.schema
        .createIndex('meeting_organizations_org_idx')
        .on('meeting_organizations')
        .column('organization_id')
        .execute();
      await db.schema
        .createTable('meeting_roles')
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('meeting_roles_pk', ['meeting_id', 'user_id', 'role'])
        .execute();
      await db.schema
        .createTable('agenda_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('title_es', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('presenting_organization_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('program_id', 'text', (c) => c.references('programs.id'))
        .addColumn('planned_minutes', 'integer', (c) => c.notNull())
        .addColumn('reviews_action_items', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('agenda_items_meeting_idx')
        .on('agenda_items')
        .columns(['meeting_id', 'position'])
        .execute();
      await db.schema
        .createTable('speaker_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('agenda_item_id', 'text', (c) => c.references('agenda_items.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        // Server order: the room's sequence number when the request was queued.
        .addColumn('requested_seq', 'integer', (c) => c.notNull())
        // The chair's explicit order among waiting requests (moves); ties by requested_seq.
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        // waiting | speaking | spoke | withdrawn | removed | lapsed (the item moved on)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('ended_at', 'text')
        .execute();
      await db.schema
        .createIndex('speaker_requests_meeting_idx')
        .on('speaker_requests')
        .columns(['meeting_id', 'status'])
        .execute();
      await db.schema
        .createTable('meeting_commands')
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('command_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('reply', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('meeting_commands_pk', ['meeting_id', 'command_id'])
        .execute();
      await db.schema
        .createTable('meeting_attendance')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addColumn('left_at', 'text')
        .execute();
      await db.schema
        .createIndex('meeting_attendance_meeting_idx')
        .on('meeting_attendance')
        .columns(['meeting_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('meeting_decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('agenda_item_id', 'text', (c) => c.references('agenda_items.id'))
        .addColumn('program_id', 'text', (c) => c.references('programs.id'))
        .addColumn('text_en', 'text', (c) => c.notNull())
        .addColumn('text_es', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('meeting_decisions_meeting_idx')
        .on('meeting_decisions')
        .column('meeting_id')
        .execute();
      await db.schema
        .createIndex('meeting_decisions_program_idx')
        .on('meeting_decisions')
        .column('program_id')
        .execute();
      await db.schema
        .createTable('action_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('agenda_item_id', 'text', (c) => c.references('agenda_items.id'))
        .addColumn('program_id', 'text', (c) => c.references('programs.id'))
        .addColumn('text_en', 'text', (c) => c.notNull())
        .addColumn('text_es', 'text', (c) => c.notNull())
        .addColumn('owner_organization_id', 'text', (c) =>
          c.notNull().references('organizations.id'),
        )
        .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('status_changed_by', 'text', (c) => c.references('users.id'))
        .addColumn('status_changed_at', 'text')
        .execute();
      await db.schema
        .createIndex('action_items_meeting_idx')
        .on('action_items')
        .column('meeting_id')
        .execute();
      await db.schema
        .createIndex('action_items_program_idx')
        .on('action_items')
        .columns(['program_id', 'status'])
        .execute();
      await db.schema
        .createTable('action_item_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('action_item_id', 'text', (c) =>
          c.notNull().references('action_items.id').onDelete('cascade'),
        )
        .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('changed_at', 'text', (c) => c.notNull())
        // JSON: the fields as they were before the change.
        .addColumn('before', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('meeting_addenda')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) =>
          c.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('calendar_feeds')
        .addColumn('user_id', 'text', (c) =>
          c.primaryKey().references('users.id').onDelete('cascade'),
        )
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
