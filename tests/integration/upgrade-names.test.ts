import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOf, OrganizationSchema, ProgramRelationSchema, ProgramSchema } from '@mesa/shared';
import { openDbMigratedTo, sql, type Db } from '@mesa/server/testing/migrations';
import { createPostgresDatabase, dialects, type TestDialect } from '../helpers/databases.js';
import { createPersonOn, fetchAs } from '../helpers/people.js';
import { startServer, type TestServer } from '../helpers/server.js';

const AT = '2026-01-01T00:00:00.000Z';

// [id, name, short name, kind, country] as the build before 0006/0007 stored organizations.
const ORGANIZATIONS = [
  ['o-sec', 'SICA General Secretariat', 'SG-SICA', 'sica_secretariat', null],
  ['o-gt', 'Guatemala', 'Guatemala', 'sica_member', 'GT'],
  ['o-es', 'Spain', 'España', 'partner_nation', 'ES'],
  // An administrator chose this short name: it is theirs, kept in both languages.
  ['o-us', 'United States', 'USA', 'partner_nation', 'US'],
  ['o-idb', 'Inter-American Development Bank', 'IDB / BID', 'multilateral', null],
  // A seeded state an administrator renamed: still known by its country code.
  ['o-hn', 'Republic of Honduras', 'Honduras', 'sica_member', 'HN'],
  // Two organizations with one country code: only the one with the seeded name is Panamá.
  ['o-pa', 'Panama', 'Panamá', 'sica_member', 'PA'],
  ['o-acp', 'Panama Canal Authority', 'ACP', 'partner_nation', 'PA'],
  // One an administrator added: its only name is copied to Spanish.
  ['o-mine', 'Ministry of Peace', 'MoP', 'partner_nation', null],
] as const;

// [id, code, recorded lead] and the relations the program already had.
const PROGRAMS = [
  ['p-none', 'ZA1', 'o-gt'],
  ['p-partner', 'ZA2', 'o-es'],
  ['p-observer', 'ZA3', 'o-idb'],
  ['p-lead', 'ZA4', 'o-gt'],
  ['p-nolead', 'ZA5', null],
] as const;
const RELATIONS = [
  ['p-partner', 'o-es', 'partner'],
  ['p-observer', 'o-idb', 'observer'],
  ['p-lead', 'o-gt', 'lead'],
  ['p-lead', 'o-es', 'partner'],
  ['p-nolead', 'o-us', 'partner'],
] as const;

/** Writes what the build before 0006 had: seeded (so nothing is seeded again) and used. */
async function writeEarlierBuildRows(db: Db): Promise<void> {
  const k = db.kysely;
  await sql`insert into meta (key, value) values ('seed_version', '1')`.execute(k);
  await sql`insert into components (id, title_en, title_es, position)
    values ('A', 'Combating crime', 'Combate al delito', 1)`.execute(k);
  for (const [id, name, short, kind, country] of ORGANIZATIONS)
    await sql`insert into organizations (id, name, short_name, kind, country_code, created_at)
      values (${id}, ${name}, ${short}, ${kind}, ${country}, ${AT})`.execute(k);
  for (const [id, code, lead] of PROGRAMS)
    await sql`insert into programs (id, code, title_en, title_es, component_id,
        priority_confidence, confidence, lead_organization_id, notes, created_at, updated_at)
      values (${id}, ${code}, ${`Program ${code}`}, ${`Programa ${code}`}, 'A',
        'not_documented', 'documented', ${lead}, ${code === 'ZA3' ? 'Kept note.' : null},
        ${AT}, ${AT})`.execute(k);
  for (const [program, organization, relation] of RELATIONS)
    await sql`insert into program_organizations (program_id, organization_id, relation)
      values (${program}, ${organization}, ${relation})`.execute(k);
}

/** A data directory (and PostgreSQL database) holding the earlier build's database. */
async function earlierBuild(dialect: TestDialect) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-upgrade-names-'));
  const pg = dialect === 'postgres' ? await createPostgresDatabase() : null;
  const db = await openDbMigratedTo({ dataDir, databaseUrl: pg?.url ?? null }, '0005_drop_journal');
  try {
    await writeEarlierBuildRows(db);
  } finally {
    await db.close();
  }
  const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : {};
  return {
    dataDir,
    env,
    async remove() {
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each(dialects)('upgrading to one meaning of lead and bilingual names on %s', (dialect) => {
  let server: TestServer;
  let earlier: Awaited<ReturnType<typeof earlierBuild>>;
  beforeAll(async () => {
    earlier = await earlierBuild(dialect);
    server = await startServer({ dataDir: earlier.dataDir, env: earlier.env });
  });
  afterAll(async () => {
    await server?.close();
    await earlier?.remove();
  });

  async function adminGet(path: string): Promise<unknown> {
    const admin = await createPersonOn(server, { role: 'admin' });
    return (await fetchAs(server, admin, path)).json();
  }

  it('keeps every program of the earlier build and seeds nothing over them', async () => {
    const body = listOf(ProgramSchema).parse(await adminGet('/api/programs'));
    expect(body.data.map((p) => p.code)).toEqual(['ZA1', 'ZA2', 'ZA3', 'ZA4', 'ZA5']);
  });

  it('turns each recorded lead into the Lead relation; a partner becomes lead, an observer stays observer', async () => {
    const body = listOf(ProgramSchema).parse(await adminGet('/api/programs'));
    const leads = Object.fromEntries(body.data.map((p) => [p.code ?? '', p.leadOrganizationIds]));
    expect(leads).toEqual({
      ZA1: ['o-gt'],
      ZA2: ['o-es'],
      ZA3: [],
      ZA4: ['o-gt'],
      ZA5: [],
    });
    const relations = async (programId: string) =>
      listOf(ProgramRelationSchema)
        .parse(await adminGet(`/api/programs/${programId}/organizations`))
        .data.map((r) => [r.organizationId, r.relation]);
    expect(await relations('p-observer')).toEqual([['o-idb', 'observer']]);
    expect(await relations('p-lead')).toEqual([
      ['o-gt', 'lead'],
      ['o-es', 'partner'],
    ]);
    // The recorded lead the upgrade did not grant is written down, not lost.
    const notes = await server.app.ctx.db
      .selectFrom('programs')
      .select('notes')
      .where('id', '=', 'p-observer')
      .executeTakeFirstOrThrow();
    expect(notes.notes).toBe(
      'Kept note.\nRecorded as lead organization before relations were the source: Inter-American Development Bank (kept as observer).',
    );
  });

  it('gives the seeded organizations their Spanish names and splits their short names', async () => {
    const body = listOf(OrganizationSchema).parse(await adminGet('/api/organizations'));
    const byId = new Map(body.data.map((o) => [o.id, [o.name, o.shortName]]));
    expect(Object.fromEntries(ORGANIZATIONS.map(([id]) => [id, byId.get(id)]))).toEqual({
      'o-sec': [
        { en: 'SICA General Secretariat', es: 'Secretaría General del SICA' },
        { en: 'SG-SICA', es: 'SG-SICA' },
      ],
      'o-gt': [
        { en: 'Guatemala', es: 'Guatemala' },
        { en: 'Guatemala', es: 'Guatemala' },
      ],
      'o-es': [
        { en: 'Spain', es: 'España' },
        { en: 'Spain', es: 'España' },
      ],
      'o-us': [
        { en: 'United States', es: 'Estados Unidos' },
        { en: 'USA', es: 'USA' },
      ],
      'o-idb': [
        { en: 'Inter-American Development Bank', es: 'Banco Interamericano de Desarrollo' },
        { en: 'IDB', es: 'BID' },
      ],
      'o-hn': [
        { en: 'Republic of Honduras', es: 'Honduras' },
        { en: 'Honduras', es: 'Honduras' },
      ],
      'o-pa': [
        { en: 'Panama', es: 'Panamá' },
        { en: 'Panama', es: 'Panamá' },
      ],
      'o-acp': [
        { en: 'Panama Canal Authority', es: 'Panama Canal Authority' },
        { en: 'ACP', es: 'ACP' },
      ],
      'o-mine': [
        { en: 'Ministry of Peace', es: 'Ministry of Peace' },
        { en: 'MoP', es: 'MoP' },
      ],
    });
  });
});
