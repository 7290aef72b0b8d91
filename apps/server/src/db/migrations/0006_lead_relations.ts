import { sql, type Kysely } from 'kysely';

/** What 0006 writes into a program's notes when it keeps an observer that was recorded as lead. */
export const KEPT_OBSERVER_NOTE = 'Recorded as lead organization before relations were the source';

/**
 * One meaning of "lead": the organizations holding the Lead relation are the program's lead
 * organizations, and the separate `programs.lead_organization_id` detail goes. Its values
 * become relations first, deciding for each program with a recorded lead:
 *
 * - no relation of that organization to the program → it gets the Lead relation (what the
 *   program page said is now also what program access says);
 * - Partner → Lead: the page named it lead, and lead and partner carry the same rights, so
 *   nothing a person may do changes — the recorded lead wins;
 * - Observer → stays Observer. Promoting it would give its people plan editing an
 *   administrator deliberately withheld, and the old detail could be set by a program's
 *   coordinator, who may not grant rights. The fact is not lost: the program's notes (stored,
 *   not shown) record it, and an administrator can set the relation in program access;
 * - Lead already, or an organization that no longer exists → nothing to do.
 *
 * Plain SQL both SQLite and PostgreSQL run; the column's foreign key goes with it.
 */
export function leadRelations() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`
        insert into program_organizations (program_id, organization_id, relation)
        select p.id, p.lead_organization_id, 'lead' from programs p
        where p.lead_organization_id is not null
          and exists (select 1 from organizations o where o.id = p.lead_organization_id)
          and not exists (
            select 1 from program_organizations r
            where r.program_id = p.id and r.organization_id = p.lead_organization_id
          )`.execute(db);
      await sql`
        update program_organizations set relation = 'lead'
        where relation = 'partner' and exists (
          select 1 from programs p
          where p.id = program_organizations.program_id
            and p.lead_organization_id = program_organizations.organization_id
        )`.execute(db);
      await sql`
        update programs set notes = coalesce(notes || ${'\n'}, '') || ${KEPT_OBSERVER_NOTE}
          || ': ' || (select o.name from organizations o where o.id = programs.lead_organization_id)
          || ' (kept as observer).'
        where exists (
          select 1 from program_organizations r
          where r.program_id = programs.id
            and r.organization_id = programs.lead_organization_id
            and r.relation = 'observer'
        )`.execute(db);
      await db.schema.alterTable('programs').dropColumn('lead_organization_id').execute();
    },
  };
}
