import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { createCommitment, insertRate } from '@mesa/server/testing';
import { IatiImportReplySchema, listOf, OrganizationSchema, type IatiImport } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/iati/${name}`, import.meta.url), 'utf8');
const schemaDir = new URL('../../apps/server/src/modules/funding/iati-schema/', import.meta.url);
const schemas = ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'].map((fileName) => ({
  fileName,
  contents: readFileSync(new URL(fileName, schemaDir), 'utf8'),
}));

async function validates(xml: string) {
  const [main, ...preload] = schemas;
  return validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [main!],
    preload,
  });
}

const PUBLISHER = 'XI-IATI-SICA';

describe.each(dialects)('IATI export and import on %s', (dialect) => {
  let a: TestServer;
  let b: TestServer;
  let adminA: TestPerson;
  let adminB: TestPerson;
  let donorId: string;
  let programId: string;
  let programCode: string;

  const upload = (server: TestServer, who: TestPerson, xml: string | Buffer) =>
    fetchAs(server, who, '/api/funding/iati/imports?fileName=test.xml', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: typeof xml === 'string' ? xml : new Uint8Array(xml),
    });
  const countTransactions = async (server: TestServer) =>
    Number(
      (
        await server.app.ctx.db
          .selectFrom('funding_transactions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countImports = async (server: TestServer) =>
    Number(
      (
        await server.app.ctx.db
          .selectFrom('iati_imports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const secretariatOf = async (server: TestServer, who: TestPerson) => {
    const res = await fetchAs(server, who, '/api/organizations');
    const orgs = listOf(OrganizationSchema).parse(await res.json()).data;
    return orgs;
  };

  beforeAll(async () => {
    [a, b] = await Promise.all([startServer({ dialect }), startServer({ dialect })]);
    // Both workspaces hold only this test's records: the seed's documented pledges are deleted
    // (a deleted record is neither exported nor counted).
    for (const server of [a, b])
      await server.app.ctx.db
        .updateTable('commitment_records')
        .set({ deleted_at: new Date().toISOString() })
        .where('seed_key', 'is not', null)
        .execute();
    adminA = await createPersonOn(a, { role: 'admin' });
    adminB = await createPersonOn(b, { role: 'admin' });
    const orgs = await secretariatOf(a, adminA);
    const donor = orgs.find((o) => o.kind === 'partner_nation')!;
    donorId = donor.id;
    const program = await a.app.ctx.db
      .selectFrom('programs')
      .select(['id', 'code'])
      .where('code', 'is not', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    programId = program.id;
    programCode = program.code!;
    await insertRate(a.app, {
      currency: 'JPY',
      date: '2024-01-01',
      rate: '150',
      by: adminA.userId,
    });
    await createCommitment(a.app, {
      donorOrganizationId: donorId,
      programId,
      reportedBy: adminA.userId,
      transactions: [
        { type: 'pledge', amount: '1000000', currency: 'JPY', valueDate: '2024-03-01' },
        { type: 'commitment', amount: '250000.50', currency: 'USD', valueDate: '2024-04-02' },
        {
          type: 'disbursement',
          amount: '100000',
          currency: 'USD',
          valueDate: '2024-05-03',
          iatiRef: 'REF-<&>-1',
        },
      ],
    });
    await createCommitment(a.app, {
      donorOrganizationId: donorId,
      programId: null,
      reportedBy: adminA.userId,
      transactions: [
        { type: 'pledge', amount: '5000000', currency: 'USD', valueDate: '2023-12-12' },
      ],
    });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('refuses to export until the SICA General Secretariat has an IATI identifier, saying what to set', async () => {
    const res = await fetchAs(a, adminA, '/api/funding/iati/activities.xml');
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /Administration → Organizations/,
    );
  });

  it('lets an administrator set an organization’s IATI identifier, checked for shape and uniqueness', async () => {
    const orgs = await secretariatOf(a, adminA);
    const secretariat = orgs.find((o) => o.kind === 'sica_secretariat')!;
    const bad = await fetchAs(a, adminA, `/api/organizations/${secretariat.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ iatiIdentifier: 'not an id' }),
    });
    expect(bad.status).toBe(400);
    const ok = await fetchAs(a, adminA, `/api/organizations/${secretariat.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ iatiIdentifier: PUBLISHER }),
    });
    expect(ok.status).toBe(200);
    expect(
      ((await ok.json()) as { organization: { iatiIdentifier: string } }).organization
        .iatiIdentifier,
    ).toBe(PUBLISHER);
    const taken = await fetchAs(a, adminA, `/api/organizations/${donorId}`, {
      method: 'PATCH',
      body: JSON.stringify({ iatiIdentifier: PUBLISHER }),
    });
    expect(taken.status).toBe(409);
  });

  it('exports an IATI 2.03 file that validates against the XSD, with EN and ES narratives and escaped refs', async () => {
    const res = await fetchAs(a, adminA, '/api/funding/iati/activities.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/xml/);
    const xml = await res.text();
    const result = await validates(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain(`<iati-identifier>${PUBLISHER}-${programCode}</iati-identifier>`);
    expect(xml).toContain(`<iati-identifier>${PUBLISHER}-ESCA</iati-identifier>`);
    expect(xml).toContain('<narrative xml:lang="es">');
    expect(xml).toContain('ref="REF-&lt;&amp;&gt;-1"');
    expect(xml).toContain('<value currency="JPY" value-date="2024-03-01">1000000</value>');
    expect(xml).toContain('<transaction-type code="12"/>');

    const one = await fetchAs(a, adminA, `/api/funding/iati/activities.xml?programId=${programId}`);
    const oneXml = await one.text();
    expect((await validates(oneXml)).valid).toBe(true);
    expect(oneXml.match(/<iati-activity /g)).toHaveLength(1);

    const csv = await fetchAs(a, adminA, '/api/funding/iati/activities.csv');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(5);
    expect(text).toContain('250000.50,USD');
  });

  it('round-trips: the export imported into a fresh workspace gives the same records and amounts, and a second import adds nothing', async () => {
    const xml = await (await fetchAs(a, adminA, '/api/funding/iati/activities.xml')).text();
    const res = await upload(b, adminB, xml);
    expect(res.status).toBe(201);
    const preview = IatiImportReplySchema.parse(await res.json()).import;
    const programB = await b.app.ctx.db
      .selectFrom('programs')
      .select('id')
      .where('code', '=', programCode)
      .executeTakeFirstOrThrow();
    const activity = preview.activities.find((x) => x.identifier.endsWith(`-${programCode}`))!;
    expect(activity.suggestedProgramId).toBe(programB.id);
    expect(activity.transactions.map((t) => [t.type, t.amount, t.currency])).toEqual([
      ['pledge', '1000000', 'JPY'],
      ['commitment', '250000.50', 'USD'],
      ['disbursement', '100000.00', 'USD'],
    ]);
    const wide = preview.activities.find((x) => x.identifier === `${PUBLISHER}-ESCA`)!;
    expect(wide.suggestedStrategyWide).toBe(true);

    const confirm = await fetchAs(b, adminB, `/api/funding/iati/imports/${preview.id}/confirm`, {
      method: 'POST',
      body: JSON.stringify({
        activities: preview.activities.map((x) => ({
          index: x.index,
          programId: x.suggestedStrategyWide ? null : x.suggestedProgramId,
          skip: x.transactions.length === 0,
        })),
      }),
    });
    expect(confirm.status).toBe(200);
    const done = IatiImportReplySchema.parse(await confirm.json()).import;
    expect(done.result?.imported).toBe(4);

    const rows = await b.app.ctx.db
      .selectFrom('funding_transactions as t')
      .innerJoin('commitment_records as r', 'r.id', 't.record_id')
      .select([
        't.type',
        't.amount_minor',
        't.currency',
        't.value_date',
        'r.program_id',
        't.iati_ref',
      ])
      .where('r.deleted_at', 'is', null)
      .orderBy('t.value_date')
      .execute();
    expect(
      rows.map((r) => [r.type, String(r.amount_minor), r.currency, r.value_date, r.program_id]),
    ).toEqual([
      ['pledge', '500000000', 'USD', '2023-12-12', null],
      ['pledge', '1000000', 'JPY', '2024-03-01', programB.id],
      ['commitment', '25000050', 'USD', '2024-04-02', programB.id],
      ['disbursement', '10000000', 'USD', '2024-05-03', programB.id],
    ]);
    expect(rows.map((r) => r.iati_ref)).toContain('REF-<&>-1');

    const second = await fetchAs(b, adminB, `/api/funding/iati/imports/${preview.id}/confirm`, {
      method: 'POST',
      body: JSON.stringify({ activities: [] }),
    });
    expect(second.status).toBe(409);

    const before = await countTransactions(b);
    const reupload = IatiImportReplySchema.parse(
      await (await upload(b, adminB, xml)).json(),
    ).import;
    expect(reupload.activities.flatMap((x) => x.transactions).every((t) => t.duplicate)).toBe(true);
    // The suggestion now comes from the earlier import.
    expect(
      reupload.activities.find((x) => x.identifier === activity.identifier)?.suggestedFrom,
    ).toBe('earlier_import');
    const reconfirm = await fetchAs(b, adminB, `/api/funding/iati/imports/${reupload.id}/confirm`, {
      method: 'POST',
      body: JSON.stringify({
        activities: reupload.activities.map((x) => ({
          index: x.index,
          programId: x.suggestedProgramId,
        })),
      }),
    });
    expect(reconfirm.status).toBe(200);
    expect(await countTransactions(b)).toBe(before);
  });

  it.each([
    ['an external entity (XXE)', fixture('xxe.xml'), /DOCTYPE/],
    ['an entity bomb', fixture('billion-laughs.xml'), /DOCTYPE/],
    ['broken XML', fixture('broken.xml'), /line 4/],
    ['a wrong version', fixture('wrong-version.xml'), /version 3\.01/],
    ['a 2.x file the schema refuses', fixture('invalid-2.03.xml'), /schema.*line \d+/],
    ['text that is not XML', 'just some words', /not well-formed/],
    ['XML that is not IATI', '<?xml version="1.0"?><html/>', /root element/],
  ])('refuses %s with 400 and stores nothing', async (_name, body, message) => {
    const before = [await countImports(b), await countTransactions(b)];
    const res = await upload(b, adminB, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect([await countImports(b), await countTransactions(b)]).toEqual(before);
  });

  it('refuses a 50 MB body with 413 and stores nothing', async () => {
    const before = await countImports(b);
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const res = await upload(b, adminB, big).catch(() => null);
    // The server answers 413 (or cuts the connection once past what it drains).
    if (res) expect(res.status).toBe(413);
    expect(await countImports(b)).toBe(before);
  });

  it('previews a 1.0 file leniently through the documented mapping', async () => {
    const res = await upload(b, adminB, fixture('worked-example-1.0.xml'));
    expect(res.status).toBe(201);
    const preview: IatiImport = IatiImportReplySchema.parse(await res.json()).import;
    expect(preview.version).toBe('1.0');
    expect(preview.activities).toHaveLength(1);
    const [activity] = preview.activities;
    expect(activity?.title).toBe('Worked example of an activity report');
    expect(activity?.problems.map((p) => p.line)).toEqual([52, 59]);
    expect(activity?.problems[0]?.message).toMatch(/incoming contribution/);
    expect(activity?.problems[1]?.message).toMatch(/no provider/);
  });

  it('lets a member import only their own organization’s transactions', async () => {
    const orgs = await secretariatOf(b, adminB);
    const donorB = orgs.find((o) => o.kind === 'partner_nation')!;
    const member = await createPersonOn(b, { role: 'member' });
    const xml = `<?xml version="1.0"?><iati-activities version="1.05"><iati-activity default-currency="USD">
<iati-identifier>XX-TEST-1</iati-identifier><title>Test</title>
<transaction><transaction-type code="C"/><value value-date="2024-01-01">10</value><provider-org>${donorB.name.en}</provider-org></transaction>
</iati-activity></iati-activities>`;
    const res = await upload(b, member, xml);
    expect(res.status).toBe(201);
    const preview = IatiImportReplySchema.parse(await res.json()).import;
    expect(preview.activities[0]?.transactions).toEqual([]);
    expect(preview.activities[0]?.problems[0]?.message).toMatch(/only your own organization/);
    // Another person cannot see the preview.
    expect((await fetchAs(b, adminB, `/api/funding/iati/imports/${preview.id}`)).status).toBe(404);
    const viewer = await createPersonOn(b, { role: 'viewer' });
    expect((await upload(b, viewer, xml)).status).toBe(403);
  });
});
