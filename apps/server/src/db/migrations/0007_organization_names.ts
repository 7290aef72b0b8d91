import { sql, type Kysely } from 'kysely';

/** An organization as seed version 1 wrote it, and its names in both languages from now on. */
interface SeededNames {
  /** The English name seed 1 gave it (`organizations.name`, unique). */
  name: string;
  /** The short name seed 1 gave it, often Spanish or both ("España", "IDB / BID"). */
  seededShort: string;
  /** Its ISO code (states), which identifies it when an administrator renamed it. */
  country: string | null;
  nameEs: string;
  shortEn: string;
  shortEs: string;
}

// Frozen here, not read from the seed file: a migration must do tomorrow what it does today.
// Official Spanish names (states as the UN and the RAE write them; bodies as they name
// themselves in Spanish — UNODC uses its English acronym in Spanish too).
// [seed-1 name, seed-1 short name, country, Spanish name, English short, Spanish short]
const SEED_1: readonly (readonly [string, string, string | null, string, string, string])[] = [
  [
    'SICA General Secretariat',
    'SG-SICA',
    null,
    'Secretaría General del SICA',
    'SG-SICA',
    'SG-SICA',
  ],
  ['Belize', 'Belize', 'BZ', 'Belice', 'Belize', 'Belice'],
  ['Costa Rica', 'Costa Rica', 'CR', 'Costa Rica', 'Costa Rica', 'Costa Rica'],
  ['El Salvador', 'El Salvador', 'SV', 'El Salvador', 'El Salvador', 'El Salvador'],
  ['Guatemala', 'Guatemala', 'GT', 'Guatemala', 'Guatemala', 'Guatemala'],
  ['Honduras', 'Honduras', 'HN', 'Honduras', 'Honduras', 'Honduras'],
  ['Nicaragua', 'Nicaragua', 'NI', 'Nicaragua', 'Nicaragua', 'Nicaragua'],
  ['Panama', 'Panamá', 'PA', 'Panamá', 'Panama', 'Panamá'],
  [
    'Dominican Republic',
    'Rep. Dominicana',
    'DO',
    'República Dominicana',
    'Dominican Rep.',
    'Rep. Dominicana',
  ],
  ['United States', 'EE.UU.', 'US', 'Estados Unidos', 'US', 'EE. UU.'],
  ['Mexico', 'México', 'MX', 'México', 'Mexico', 'México'],
  ['Canada', 'Canadá', 'CA', 'Canadá', 'Canada', 'Canadá'],
  ['Colombia', 'Colombia', 'CO', 'Colombia', 'Colombia', 'Colombia'],
  ['Spain', 'España', 'ES', 'España', 'Spain', 'España'],
  ['Chile', 'Chile', 'CL', 'Chile', 'Chile', 'Chile'],
  [
    'Republic of Korea',
    'Corea del Sur',
    'KR',
    'República de Corea',
    'South Korea',
    'Corea del Sur',
  ],
  ['Germany', 'Alemania', 'DE', 'Alemania', 'Germany', 'Alemania'],
  ['Italy', 'Italia', 'IT', 'Italia', 'Italy', 'Italia'],
  ['Japan', 'Japón', 'JP', 'Japón', 'Japan', 'Japón'],
  ['United Kingdom', 'Reino Unido', 'GB', 'Reino Unido', 'UK', 'Reino Unido'],
  ['Israel', 'Israel', 'IL', 'Israel', 'Israel', 'Israel'],
  ['Australia', 'Australia', 'AU', 'Australia', 'Australia', 'Australia'],
  ['Norway', 'Noruega', 'NO', 'Noruega', 'Norway', 'Noruega'],
  ['Sweden', 'Suecia', 'SE', 'Suecia', 'Sweden', 'Suecia'],
  ['Finland', 'Finlandia', 'FI', 'Finlandia', 'Finland', 'Finlandia'],
  ['Netherlands', 'Países Bajos', 'NL', 'Países Bajos', 'Netherlands', 'Países Bajos'],
  ['Georgia', 'Georgia', 'GE', 'Georgia', 'Georgia', 'Georgia'],
  ['European Union', 'EU / UE', null, 'Unión Europea', 'EU', 'UE'],
  [
    'Inter-American Development Bank',
    'IDB / BID',
    null,
    'Banco Interamericano de Desarrollo',
    'IDB',
    'BID',
  ],
  ['World Bank', 'WB / BM', null, 'Banco Mundial', 'World Bank', 'Banco Mundial'],
  [
    'Central American Bank for Economic Integration',
    'CABEI / BCIE',
    null,
    'Banco Centroamericano de Integración Económica',
    'CABEI',
    'BCIE',
  ],
  [
    'Organization of American States',
    'OAS / OEA',
    null,
    'Organización de los Estados Americanos',
    'OAS',
    'OEA',
  ],
  [
    'International Organization for Migration',
    'IOM / OIM',
    null,
    'Organización Internacional para las Migraciones',
    'IOM',
    'OIM',
  ],
  [
    'United Nations Development Programme',
    'UNDP / PNUD',
    null,
    'Programa de las Naciones Unidas para el Desarrollo',
    'UNDP',
    'PNUD',
  ],
  [
    'United Nations Office on Drugs and Crime',
    'UNODC / ONUDD',
    null,
    'Oficina de las Naciones Unidas contra la Droga y el Delito',
    'UNODC',
    'UNODC',
  ],
  [
    'Ibero-American General Secretariat',
    'SEGIB',
    null,
    'Secretaría General Iberoamericana',
    'SEGIB',
    'SEGIB',
  ],
  [
    'United Nations Population Fund',
    'UNFPA',
    null,
    'Fondo de Población de las Naciones Unidas',
    'UNFPA',
    'UNFPA',
  ],
];

async function nameSeeded(db: Kysely<unknown>, o: SeededNames): Promise<void> {
  // The seeded English name is unique; a state an administrator renamed is still found by its
  // country code — unless another organization shares that code, when nothing is guessed.
  const match = o.country
    ? sql`(name_en = ${o.name} or (country_code = ${o.country} and 1 = (
        select count(*) from organizations c where c.country_code = ${o.country})))`
    : sql`name_en = ${o.name}`;
  // A short name the seed gave is split into its two languages; one an administrator chose
  // is theirs, kept as is in both.
  await sql`
    update organizations set
      name_es = ${o.nameEs},
      short_name_es = case when short_name_en = ${o.seededShort} then ${o.shortEs}
        else short_name_en end,
      short_name_en = case when short_name_en = ${o.seededShort} then ${o.shortEn}
        else short_name_en end
    where ${match}`.execute(db);
}

/**
 * Organization names in each language: `name` and `short_name` become the English
 * `name_en`/`short_name_en`, and `name_es`/`short_name_es` are added. The organizations seed 1
 * created get their official Spanish names (and their mixed short names, such as "IDB / BID",
 * split into "IDB" and "BID"). An organization an administrator added has only the name they
 * gave, whatever its language: it is copied to the Spanish columns, shown alike in both
 * languages until an administrator writes the Spanish one (the admin page shows both).
 */
export function organizationNames() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('organizations').renameColumn('name', 'name_en').execute();
      await db.schema
        .alterTable('organizations')
        .renameColumn('short_name', 'short_name_en')
        .execute();
      // Empty only until the updates below; every write from now on gives both names.
      for (const column of ['name_es', 'short_name_es'])
        await db.schema
          .alterTable('organizations')
          .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
          .execute();
      for (const [name, seededShort, country, nameEs, shortEn, shortEs] of SEED_1)
        await nameSeeded(db, { name, seededShort, country, nameEs, shortEn, shortEs });
      await sql`update organizations set name_es = name_en where name_es = ''`.execute(db);
      await sql`update organizations set short_name_es = short_name_en
        where short_name_es = ''`.execute(db);
    },
  };
}
