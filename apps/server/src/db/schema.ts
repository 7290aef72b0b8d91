import type { ColumnType } from 'kysely';

/** Key/value facts about the database itself (seed version, …). */
export interface MetaTable {
  key: string;
  value: string;
}

/** The four components of the strategy. */
export interface ComponentsTable {
  id: string;
  title_en: string;
  title_es: string;
  position: number;
}

/** Organizations: states, partner nations, multilateral bodies, the SICA Secretariat. */
export interface OrganizationsTable {
  id: string;
  name: string;
  short_name: string;
  kind: string;
  country_code: string | null;
  created_at: string;
}

/** Programs of the strategy. Booleans are 0/1 integers so one schema serves both dialects. */
export interface ProgramsTable {
  id: string;
  code: string | null;
  title_en: string;
  title_es: string;
  component_id: string;
  priority: number;
  priority_confidence: string;
  confidence: string;
  status: string | null;
  lead_organization_id: string | null;
  /** JSON array of ISO 3166-1 alpha-2 codes. */
  countries: string;
  estimated_cost_amount: string | null;
  estimated_cost_currency: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  /** Monotonic row version, bumped on each edit (optimistic concurrency, live updates). */
  version: ColumnType<number, number | undefined, number>;
}

/** Every table Kysely knows; each feature's migration adds its own. */
export interface Database {
  meta: MetaTable;
  components: ComponentsTable;
  organizations: OrganizationsTable;
  programs: ProgramsTable;
}
