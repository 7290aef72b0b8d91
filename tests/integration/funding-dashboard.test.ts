import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  FundingDashboardSchema,
  ProgramFundingReplySchema,
  ScorecardSchema,
} from '@mesa/shared';
import { createCommitment, insertRate } from '@mesa/server/testing';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

describe.each(dialects)('funding dashboard on %s', (dialect) => {
  let server: TestServer;
  let admin: TestPerson;
  let donor: TestPerson;
  let otherDonor: TestPerson;
  let outsider: TestPerson;
  let viewer: TestPerson;
  let receiver: TestPerson;
  let priorityProgram: { id: string; component_id: string };
  let otherProgram: { id: string; component_id: string };
  const get = async (who: TestPerson, path: string) => fetchAs(server, who, path);
  const dashboard = async (who: TestPerson, query: string) => {
    const res = await get(who, `/api/funding/dashboard?${query}`);
    expect(res.status).toBe(200);
    return FundingDashboardSchema.parse(await res.json());
  };
  const setCost = (id: string, amount: string | null, currency: string | null) =>
    server.app.ctx.db
      .updateTable('programs')
      .set({ estimated_cost_amount: amount, estimated_cost_currency: currency })
      .where('id', '=', id)
      .execute();

  beforeAll(async () => {
    server = await startServer({ dialect });
    const db = server.app.ctx.db;
    // The figures below are this test's records alone: the seed's documented pledges are
    // deleted (a deleted record counts nowhere, which the last record below checks too).
    await db
      .updateTable('commitment_records')
      .set({ deleted_at: new Date().toISOString() })
      .where('seed_key', 'is not', null)
      .execute();
    priorityProgram = await db
      .selectFrom('programs')
      .select(['id', 'component_id'])
      .where('priority', '=', 1)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    otherProgram = await db
      .selectFrom('programs')
      .select(['id', 'component_id'])
      .where('priority', '=', 0)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    admin = await createPersonOn(server, { role: 'admin' });
    donor = await createPersonOn(server, { relation: 'partner', programId: priorityProgram.id });
    otherDonor = await createPersonOn(server, {});
    outsider = await createPersonOn(server, { locale: 'es' });
    viewer = await createPersonOn(server, { role: 'viewer' });
    receiver = await createPersonOn(server, {});
    // A formula-like donor name, to see the CSV neutralise it.
    await db
      .updateTable('organizations')
      .set({ name_en: '=HYPERLINK("http://x")', name_es: '=HIPERVINCULO("http://x")' })
      .where('id', '=', otherDonor.organizationId)
      .execute();
    await setCost(priorityProgram.id, '1000', 'USD');
    await setCost(otherProgram.id, '920', 'EUR');
    await insertRate(server.app, {
      currency: 'EUR',
      date: '2025-01-01',
      rate: '0.92',
      by: admin.userId,
    });

    // Priority program: commitment 100 + disbursement 60 (funding 100), a pledge of 500.
    await createCommitment(server.app, {
      donorOrganizationId: donor.organizationId,
      programId: priorityProgram.id,
      reportedBy: donor.userId,
      transactions: [
        { type: 'pledge', amount: '500', currency: 'USD', valueDate: '2025-02-01' },
        { type: 'commitment', amount: '100', currency: 'USD', valueDate: '2025-03-01' },
        { type: 'disbursement', amount: '60', currency: 'USD', valueDate: '2026-04-01' },
      ],
    });
    // Priority program: a disbursement of 80 without commitment, in technical assistance.
    await createCommitment(server.app, {
      donorOrganizationId: otherDonor.organizationId,
      programId: priorityProgram.id,
      modality: 'technical_assistance',
      transactions: [
        { type: 'disbursement', amount: '80', currency: 'USD', valueDate: '2026-05-01' },
      ],
    });
    // Other program: a commitment of 92 EUR (100 USD) and one in JPY with no rate.
    await createCommitment(server.app, {
      donorOrganizationId: otherDonor.organizationId,
      programId: otherProgram.id,
      transactions: [
        { type: 'commitment', amount: '92', currency: 'EUR', valueDate: '2025-06-01' },
        { type: 'commitment', amount: '100000', currency: 'JPY', valueDate: '2025-06-01' },
      ],
    });
    // Strategy-wide: a commitment of 300, and an alternative figure of it (never summed).
    const main = await createCommitment(server.app, {
      donorOrganizationId: donor.organizationId,
      conflicting: true,
      transactions: [
        { type: 'commitment', amount: '300', currency: 'USD', valueDate: '2025-01-10' },
      ],
    });
    await createCommitment(server.app, {
      donorOrganizationId: donor.organizationId,
      conflicting: true,
      alternativeOfId: main.recordId,
      transactions: [
        { type: 'commitment', amount: '450', currency: 'USD', valueDate: '2025-01-10' },
      ],
    });
    // A deleted record counts nowhere.
    const deleted = await createCommitment(server.app, {
      donorOrganizationId: donor.organizationId,
      programId: priorityProgram.id,
      transactions: [
        { type: 'commitment', amount: '999', currency: 'USD', valueDate: '2025-01-10' },
      ],
    });
    await db
      .updateTable('commitment_records')
      .set({ deleted_at: new Date().toISOString(), deleted_by: admin.userId })
      .where('id', '=', deleted.recordId)
      .execute();
  });
  afterAll(async () => {
    await server?.close();
  });

  const ours = () => `donorOrganizationId=`;

  it('sums per record (larger of commitments and disbursements), pledges shown not counted, gap in USD', async () => {
    const d = await dashboard(viewer, '');
    const p = d.programs.find((x) => x.program.id === priorityProgram.id)!;
    expect(p.figures).toEqual({
      pledged: '500.00',
      committed: '100.00',
      disbursed: '140.00',
      expended: '0.00',
      funding: '180.00',
      withoutRate: 0,
    });
    expect(p).toMatchObject({
      estimatedCost: { amount: '1000', currency: 'USD' },
      estimatedCostUsd: '1000.00',
      gap: '820.00',
    });
    const o = d.programs.find((x) => x.program.id === otherProgram.id)!;
    expect(o).toMatchObject({
      estimatedCostUsd: '1000.00',
      gap: '900.00',
      figures: { committed: '100.00', funding: '100.00', withoutRate: 1 },
    });
    // Strategy-wide apart; the alternative figure is not summed, both disputed records counted.
    expect(d.strategyWide).toMatchObject({ committed: '300.00', funding: '300.00' });
    expect(d.total).toMatchObject({ pledged: '500.00', funding: '580.00', withoutRate: 1 });
    expect(d.conflictingRecords).toBe(2);
    // Priority programs first.
    const firstOther = d.programs.findIndex((x) => !x.program.priority);
    expect(d.programs.slice(firstOther).every((x) => !x.program.priority)).toBe(true);
    expect(d.programs.slice(0, firstOther).every((x) => x.program.priority)).toBe(true);
  });

  it('breaks the figures down by component, donor, modality, currency (with native totals) and year', async () => {
    const d = await dashboard(admin, '');
    expect(d.byComponent.find((r) => r.key === 'strategy-wide')?.figures.funding).toBe('300.00');
    const byDonor = new Map(d.byDonor.map((r) => [r.key, r]));
    expect(byDonor.get(donor.organizationId)?.figures.funding).toBe('400.00');
    expect(byDonor.get(otherDonor.organizationId)?.label.en).toBe('=HYPERLINK("http://x")');
    expect(d.byModality.find((r) => r.key === 'technical_assistance')?.figures.funding).toBe(
      '80.00',
    );
    const jpy = d.byCurrency.find((r) => r.key === 'JPY')!;
    expect(jpy.figures).toMatchObject({ committed: '0.00', withoutRate: 1 });
    expect(jpy.native).toEqual({ pledged: '0', committed: '100000', disbursed: '0' });
    expect(d.byCurrency.find((r) => r.key === 'EUR')?.native?.committed).toBe('92.00');
    expect(d.byYear.map((r) => r.key)).toEqual(['2025', '2026']);
    expect(d.byYear.find((r) => r.key === '2026')?.figures.disbursed).toBe('140.00');
  });

  it('applies every filter to every figure', async () => {
    const pri = await dashboard(admin, 'priority=true');
    expect(pri.programs.every((p) => p.program.priority)).toBe(true);
    expect(pri.strategyWide.funding).toBe('0.00');
    expect(pri.total.funding).toBe('180.00');
    expect(pri.conflictingRecords).toBe(0);

    const mine = await dashboard(admin, `${ours()}${donor.organizationId}`);
    expect(mine.total).toMatchObject({ funding: '400.00', pledged: '500.00' });
    expect(mine.byDonor.map((r) => r.key)).toEqual([donor.organizationId]);

    const year = await dashboard(admin, 'fromYear=2026&toYear=2026');
    expect(year.total).toMatchObject({ committed: '0.00', disbursed: '140.00', funding: '140.00' });

    const eur = await dashboard(admin, 'currency=EUR');
    expect(eur.total).toMatchObject({ funding: '100.00', withoutRate: 0 });

    const ta = await dashboard(admin, 'modality=technical_assistance');
    expect(ta.total.funding).toBe('80.00');

    const component = await dashboard(admin, `componentId=${otherProgram.component_id}`);
    expect(
      component.programs.every((p) => p.program.componentId === otherProgram.component_id),
    ).toBe(true);
    expect(component.byComponent.map((r) => r.key)).toEqual([otherProgram.component_id]);

    const bad = await get(admin, '/api/funding/dashboard?fromYear=soon&colour=red');
    expect(bad.status).toBe(400);
    ErrorBodySchema.parse(await bad.json());
  });

  it("gives a program's funding summary to anyone signed in, 404 for no program", async () => {
    const res = await get(outsider, `/api/programs/${priorityProgram.id}/funding`);
    expect(res.status).toBe(200);
    const { funding } = ProgramFundingReplySchema.parse(await res.json());
    expect(funding).toMatchObject({ gap: '820.00', figures: { funding: '180.00' } });
    const missing = await get(outsider, '/api/programs/no-such-program/funding');
    expect(missing.status).toBe(404);
  });

  it('writes the dashboard as CSV in the reader’s language, formula-like names neutralised', async () => {
    const res = await get(outsider, `/api/funding/dashboard.csv?priority=true&lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('Funding dashboard');
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toContain('Section,Code,Name');
    expect(csv).toContain(`Donor,,"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

    // The outsider reads Spanish by default.
    const es = await (await get(outsider, '/api/funding/dashboard.csv')).text();
    expect(es.split('\r\n')[0]).toContain('Sección,Código,Nombre');
    expect(es).toContain(`Donante,,"'=HIPERVINCULO(""http://x"")"`);
    expect(es).toContain('Toda la estrategia');
  });

  it('scores donors: last activity, share with a recent disbursement, unconfirmed, sorted', async () => {
    // The priority program's first record has a commitment and a disbursement dated 2026-04-01.
    const now = server.app.now().toISOString().slice(0, 10);
    const res = await get(
      viewer,
      `/api/funding/scorecard?unconfirmedBefore=2100-01-01&sort=unconfirmed&direction=desc`,
    );
    expect(res.status).toBe(200);
    const s = ScorecardSchema.parse(await res.json());
    expect(s.unconfirmedBefore).toBe('2100-01-01');
    expect(s.recentSince < now).toBe(true);
    const mine = s.rows.find((r) => r.donor.id === donor.organizationId)!;
    // Commitments: the program record and the strategy-wide one (alternative not counted).
    expect(mine.commitments).toBe(2);
    expect(mine.withRecentDisbursement).toBe(s.recentSince <= '2026-04-01' ? 1 : 0);
    // Three + one + one transactions, none confirmed (the deleted record's is not counted).
    expect(mine.unconfirmed).toBe(5);
    expect(mine.lastActivityAt).not.toBeNull();
    const other = s.rows.find((r) => r.donor.id === otherDonor.organizationId)!;
    expect(other).toMatchObject({
      commitments: 1,
      withRecentDisbursement: 0,
      unconfirmed: 3,
      lastActivityAt: null,
    });
    const counts = s.rows.map((r) => r.unconfirmed);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(s.rows.some((r) => r.donor.id === receiver.organizationId)).toBe(false);

    // Before any transaction was reported: nothing counted unconfirmed.
    const early = ScorecardSchema.parse(
      await (await get(viewer, '/api/funding/scorecard?unconfirmedBefore=2000-01-01')).json(),
    );
    expect(early.rows.find((r) => r.donor.id === donor.organizationId)?.unconfirmed).toBe(0);
    const names = early.rows.map((r) => r.donor.name.en);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));

    const bad = await get(viewer, '/api/funding/scorecard?sort=colour');
    expect(bad.status).toBe(400);

    const csv = await (await get(viewer, '/api/funding/scorecard.csv?lang=es&sort=donor')).text();
    expect(csv.split('\r\n')[0]).toContain('Donante');
    expect(csv).toContain(`"'=HIPERVINCULO(""http://x"")"`);
  });
});
