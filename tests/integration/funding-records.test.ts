import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CommitmentConflictSchema,
  CommitmentRecordListSchema,
  CommitmentRecordReplySchema,
  CurrencyListSchema,
  ErrorBodySchema,
  FundingHistorySchema,
  NotificationPageSchema,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

describe.each(dialects)('commitment records on %s', (dialect) => {
  let server: TestServer;
  let p0: string;
  let p1: string;
  let admin: TestPerson;
  let coordinator: TestPerson;
  let lead: TestPerson;
  let partner: TestPerson;
  let partnerViewer: TestPerson;
  let observer: TestPerson;
  let outsider: TestPerson;
  let receiver: TestPerson;
  const events: { programId: string | null; all: boolean }[] = [];

  const send = (who: TestPerson | null, path: string, method = 'GET', body?: unknown) =>
    fetchAs(server, who, path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const base = (donor: TestPerson, programId: string | null = p0) => ({
    donorOrganizationId: donor.organizationId,
    programId,
    receivingOrganizationId: receiver.organizationId,
    modality: 'financial',
    descriptionEn: 'Support to the program',
    descriptionEs: 'Apoyo al programa',
    sourceUrl: 'https://example.org/source',
    sourceReference: null,
  });
  const create = async (who: TestPerson, body: Record<string, unknown>) => {
    const res = await send(who, '/api/funding/records', 'POST', body);
    expect(res.status, await res.clone().text()).toBe(201);
    return CommitmentRecordReplySchema.parse(await res.json()).record;
  };
  const addTx = async (who: TestPerson, recordId: string, body: Record<string, unknown>) => {
    const res = await send(who, `/api/funding/records/${recordId}/transactions`, 'POST', body);
    expect(res.status, await res.clone().text()).toBe(201);
    return CommitmentRecordReplySchema.parse(await res.json()).record;
  };
  const history = async (who: TestPerson, recordId: string) => {
    const res = await send(who, `/api/funding/records/${recordId}/history`);
    expect(res.status).toBe(200);
    return FundingHistorySchema.parse(await res.json()).changes;
  };
  const countRows = async () => {
    const db = server.app.ctx.db;
    const [r, t, c] = await Promise.all([
      db
        .selectFrom('commitment_records')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('funding_transactions')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('funding_changes')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return [Number(r.n), Number(t.n), Number(c.n)];
  };

  beforeAll(async () => {
    server = await startServer({ dialect });
    const rows = await server.app.ctx.db
      .selectFrom('programs')
      .select('id')
      .orderBy('code')
      .execute();
    p0 = rows[0]!.id;
    p1 = rows[1]!.id;
    admin = await createPersonOn(server, { role: 'admin' });
    coordinator = await createPersonOn(server, {
      relation: 'lead',
      programId: p0,
      coordinator: true,
    });
    lead = await createPersonOn(server, { organizationId: coordinator.organizationId });
    partner = await createPersonOn(server, { relation: 'partner', programId: p0 });
    partnerViewer = await createPersonOn(server, {
      role: 'viewer',
      organizationId: partner.organizationId,
    });
    observer = await createPersonOn(server, { relation: 'observer', programId: p0 });
    outsider = await createPersonOn(server, { relation: 'lead', programId: p1 });
    receiver = await createPersonOn(server, { relation: 'observer', programId: p0 });
    server.app.events.on('funding.changed', ({ programId, all }) =>
      events.push({ programId, all }),
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the ISO 4217 currencies with their digits', async () => {
    const res = await send(partner, '/api/funding/currencies');
    const { currencies } = CurrencyListSchema.parse(await res.json());
    expect(currencies.find((c) => c.code === 'JPY')?.digits).toBe(0);
    expect(currencies.find((c) => c.code === 'KWD')?.digits).toBe(3);
    expect(currencies.find((c) => c.code === 'XAU')).toBeUndefined();
  });

  it('creates, reads, edits (409 when stale), deletes, and keeps every change in the history', async () => {
    events.length = 0;
    const record = await create(partner, base(partner));
    expect(record).toMatchObject({
      donor: { id: partner.organizationId },
      program: { id: p0 },
      receiver: { id: receiver.organizationId },
      createdBy: { id: partner.userId },
      revision: 1,
      transactions: [],
      abilities: { read: true, edit: true, confirm: false },
      figures: { pledged: '0.00', funding: '0.00', withoutRate: 0 },
    });
    expect(events).toEqual([{ programId: p0, all: false }]);

    const withTx = await addTx(partner, record.id, {
      type: 'commitment',
      valueDate: '2024-05-01',
      amount: '1500000.25',
      currency: 'USD',
    });
    expect(withTx.transactions).toMatchObject([
      {
        type: 'commitment',
        typeCode: 2,
        amount: '1500000.25',
        usd: '1500000.25',
        rate: { rate: '1', date: '2024-05-01' },
        reportedBy: { id: partner.userId },
        confirmedBy: null,
      },
    ]);
    const got = await send(coordinator, `/api/funding/records/${record.id}`);
    expect(CommitmentRecordReplySchema.parse(await got.json()).record.figures).toMatchObject({
      committed: '1500000.25',
      funding: '1500000.25',
    });

    const patched = await send(partner, `/api/funding/records/${record.id}`, 'PATCH', {
      descriptionEn: 'Support, revised',
      conflicting: true,
      revision: 1,
    });
    expect(patched.status).toBe(200);
    expect(CommitmentRecordReplySchema.parse(await patched.json()).record).toMatchObject({
      descriptionEn: 'Support, revised',
      conflicting: true,
      revision: 2,
    });
    const stale = await send(partner, `/api/funding/records/${record.id}`, 'PATCH', {
      descriptionEn: 'Lost edit',
      revision: 1,
    });
    expect(stale.status).toBe(409);
    const conflict = CommitmentConflictSchema.parse(await stale.json());
    expect(conflict.error.current).toMatchObject({
      descriptionEn: 'Support, revised',
      revision: 2,
    });

    const changes = await history(coordinator, record.id);
    expect(changes.map((c) => c.action)).toEqual([
      'record.updated',
      'transaction.created',
      'record.created',
    ]);
    expect(changes[0]).toMatchObject({
      actor: { id: partner.userId, name: partner.name },
      before: { descriptionEn: 'Support to the program', conflicting: false },
      after: { descriptionEn: 'Support, revised', conflicting: true },
    });
    expect(Object.keys(changes[0]!.after!).sort()).toEqual(['conflicting', 'descriptionEn']);

    const deleted = await send(partner, `/api/funding/records/${record.id}`, 'DELETE');
    expect(deleted.status).toBe(204);
    expect((await send(partner, `/api/funding/records/${record.id}`)).status).toBe(404);
    const list = await send(admin, `/api/programs/${p0}/funding/records`);
    const { records } = CommitmentRecordListSchema.parse(await list.json());
    expect(records.map((r) => r.id)).not.toContain(record.id);
    const kept = await server.app.ctx.db
      .selectFrom('funding_changes')
      .select('action')
      .where('record_id', '=', record.id)
      .execute();
    expect(kept.map((k) => k.action)).toContain('record.deleted');
  });

  it('refuses a partner member recording for another organization or on a program they do not lead or partner', async () => {
    const before = await countRows();
    const forOther = await send(partner, '/api/funding/records', 'POST', base(coordinator));
    expect(forOther.status).toBe(403);
    const elsewhere = await send(partner, '/api/funding/records', 'POST', base(partner, p1));
    expect(elsewhere.status).toBe(403);
    expect((await send(observer, '/api/funding/records', 'POST', base(observer))).status).toBe(403);
    expect((await send(partnerViewer, '/api/funding/records', 'POST', base(partner))).status).toBe(
      403,
    );
    const unknownProgram = await send(partner, '/api/funding/records', 'POST', {
      ...base(partner),
      programId: 'nosuchprogram0000',
    });
    expect(unknownProgram.status).toBe(404);
    const unknownReceiver = await send(admin, '/api/funding/records', 'POST', {
      ...base(partner),
      receivingOrganizationId: 'nosuchorganization',
    });
    expect(unknownReceiver.status).toBe(400);
    expect(ErrorBodySchema.parse(await unknownReceiver.json()).error.field).toBe(
      'receivingOrganizationId',
    );
    expect(await countRows()).toEqual(before);
  });

  it('refuses malformed bodies (wrong types, unknown fields) with 400 and stores nothing', async () => {
    const before = await countRows();
    for (const body of [
      { ...base(partner), modality: 'cash' },
      { ...base(partner), conflicting: 'yes' },
      { ...base(partner), createdBy: admin.userId },
      { ...base(partner), sourceUrl: 'javascript:alert(1)' },
    ]) {
      const res = await send(partner, '/api/funding/records', 'POST', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await countRows()).toEqual(before);
    const record = await create(partner, base(partner));
    const after = await countRows();
    for (const body of [
      { type: 'gift', valueDate: '2024-01-01', amount: '1', currency: 'USD' },
      { type: 'pledge', valueDate: '2024-01-01', amount: 1, currency: 'USD' },
      { type: 'pledge', valueDate: '2024-13-01', amount: '1', currency: 'USD' },
      { type: 'pledge', valueDate: '2024-01-01', amount: '1', currency: 'USD', reportedBy: 'x' },
      { type: 'pledge', valueDate: '2024-01-01', amount: '0', currency: 'USD' },
      { type: 'pledge', valueDate: '2024-01-01', amount: '1', currency: 'ZZZ' },
    ]) {
      const res = await send(
        partner,
        `/api/funding/records/${record.id}/transactions`,
        'POST',
        body,
      );
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    for (const body of [
      { revision: 1, modality: 'cash' },
      { revision: 1, createdBy: admin.userId },
      { revision: '1', descriptionEn: 'x' },
      { descriptionEn: 'no revision' },
    ]) {
      const patch = await send(partner, `/api/funding/records/${record.id}`, 'PATCH', body);
      expect(patch.status, JSON.stringify(body)).toBe(400);
    }
    expect(await countRows()).toEqual(after);
  });

  it('refuses an amount with more decimals than its currency has (JPY) and stores nothing', async () => {
    const record = await create(partner, base(partner));
    const before = await countRows();
    const res = await send(partner, `/api/funding/records/${record.id}/transactions`, 'POST', {
      type: 'commitment',
      valueDate: '2024-01-01',
      amount: '1000.5',
      currency: 'JPY',
    });
    expect(res.status).toBe(400);
    const { error } = ErrorBodySchema.parse(await res.json());
    expect(error.field).toBe('amount');
    expect(error.message).toContain('JPY has no decimals');
    expect(await countRows()).toEqual(before);
    const ok = await addTx(partner, record.id, {
      type: 'commitment',
      valueDate: '2024-01-01',
      amount: '1000',
      currency: 'JPY',
    });
    expect(ok.transactions[0]).toMatchObject({ amount: '1000', usd: null, rate: null });
    expect(ok.figures).toMatchObject({ committed: '0.00', withoutRate: 1 });
  });

  it('keeps records from people who may not read the program: 403 and absent from lists', async () => {
    const record = await create(partner, base(partner));
    expect((await send(outsider, `/api/funding/records/${record.id}`)).status).toBe(403);
    expect((await send(outsider, `/api/funding/records/${record.id}/history`)).status).toBe(403);
    expect((await send(outsider, `/api/programs/${p0}/funding/records`)).status).toBe(403);
    const byDonor = await send(
      outsider,
      `/api/funding/records?donorOrganizationId=${partner.organizationId}`,
    );
    expect(CommitmentRecordListSchema.parse(await byDonor.json()).records).toEqual([]);
    const readerView = await send(
      observer,
      `/api/funding/records?donorOrganizationId=${partner.organizationId}`,
    );
    expect(
      CommitmentRecordListSchema.parse(await readerView.json()).records.map((r) => r.id),
    ).toContain(record.id);
    // Observers and viewers read but never write.
    expect((await send(observer, `/api/funding/records/${record.id}`)).status).toBe(200);
    expect(
      (await send(observer, `/api/funding/records/${record.id}`, 'PATCH', { revision: 1 })).status,
    ).toBe(403);
    expect((await send(partnerViewer, `/api/funding/records/${record.id}`, 'DELETE')).status).toBe(
      403,
    );
  });

  it('shows strategy-wide records to everyone signed in; only the donor’s members and admins edit them', async () => {
    const record = await create(outsider, base(outsider, null));
    expect(record.program).toBeNull();
    const res = await send(partner, '/api/funding/records?strategyWide=true');
    const { records } = CommitmentRecordListSchema.parse(await res.json());
    const seen = records.find((r) => r.id === record.id);
    expect(seen?.abilities).toMatchObject({ read: true, edit: false });
    expect(
      (
        await send(partner, `/api/funding/records/${record.id}`, 'PATCH', {
          revision: 1,
          descriptionEn: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await send(admin, `/api/funding/records/${record.id}`, 'PATCH', {
          revision: 1,
          descriptionEn: 'By admin',
        })
      ).status,
    ).toBe(200);
  });

  it('lets a coordinator edit another organization’s record on their program, re-checking a new program', async () => {
    const record = await create(partner, base(partner));
    const res = await send(coordinator, `/api/funding/records/${record.id}`, 'PATCH', {
      revision: 1,
      modality: 'in_kind',
    });
    expect(res.status).toBe(200);
    expect(CommitmentRecordReplySchema.parse(await res.json()).record.modality).toBe('in_kind');
    // Moving it to a program the coordinator has no standing on is refused.
    const moved = await send(coordinator, `/api/funding/records/${record.id}`, 'PATCH', {
      revision: 2,
      programId: p1,
    });
    expect(moved.status).toBe(403);
    // A lead member of the coordinator's organization may not edit the partner's record.
    expect(
      (
        await send(lead, `/api/funding/records/${record.id}`, 'PATCH', {
          revision: 2,
          modality: 'financial',
        })
      ).status,
    ).toBe(403);
  });

  it('asks the receiving organization to confirm a transaction, and again once a change cleared it', async () => {
    const colleague = await createPersonOn(server, { organizationId: receiver.organizationId });
    const donorColleague = await createPersonOn(server, { organizationId: partner.organizationId });
    const inbox = async (who: TestPerson) => {
      await server.app.notificationsSettled();
      const res = await send(who, '/api/notifications?limit=50');
      expect(res.status).toBe(200);
      return NotificationPageSchema.parse(await res.json()).data.filter(
        (n) => n.kind === 'confirmation',
      );
    };
    const before = (await inbox(receiver)).length;
    const record = await addTx(partner, (await create(partner, base(partner))).id, {
      type: 'disbursement',
      valueDate: '2024-03-01',
      amount: '1250.5',
      currency: 'EUR',
    });
    const tx = record.transactions[0]!;
    for (const who of [receiver, colleague]) {
      const [asked, ...older] = await inbox(who);
      expect(older.length).toBe(who === receiver ? before : 0);
      expect(asked).toMatchObject({
        actor: { id: partner.userId },
        program: { id: p0 },
        target: {
          type: 'transaction',
          recordId: record.id,
          transactionId: tx.id,
          programId: p0,
          transactionType: 'disbursement',
          amount: '1250.50',
          currency: 'EUR',
          cleared: false,
        },
        readAt: null,
      });
    }
    // Nobody of the donor's organization is asked, and a change to an unconfirmed transaction
    // asks nothing new.
    expect(await inbox(donorColleague)).toEqual([]);
    const path = `/api/funding/records/${record.id}/transactions/${tx.id}`;
    const noted = await send(partner, path, 'PATCH', { note: 'wire 114', revision: tx.revision });
    expect(noted.status).toBe(200);
    expect((await inbox(colleague)).length).toBe(1);

    // Confirmed, then changed by the donor: the confirmation is cleared and asked for again.
    expect((await send(receiver, `${path}/confirm`, 'POST')).status).toBe(200);
    const current = CommitmentRecordReplySchema.parse(
      await (await send(partner, `/api/funding/records/${record.id}`)).json(),
    ).record.transactions[0]!;
    const edited = await send(partner, path, 'PATCH', {
      amount: '1300',
      revision: current.revision,
    });
    expect(edited.status).toBe(200);
    const [again] = await inbox(colleague);
    expect(again?.target).toMatchObject({ transactionId: tx.id, amount: '1300.00', cleared: true });
    expect((await inbox(colleague)).length).toBe(2);

    // A transaction reported by someone of the receiving organization itself asks nobody.
    const adminColleague = await createPersonOn(server, { organizationId: admin.organizationId });
    // (strategy-wide, which everyone signed in reads)
    const own = await create(admin, {
      ...base(partner, null),
      receivingOrganizationId: admin.organizationId,
    });
    await addTx(admin, own.id, {
      type: 'disbursement',
      valueDate: '2024-03-02',
      amount: '10',
      currency: 'USD',
    });
    expect(await inbox(adminColleague)).toEqual([]);
  });

  it('confirms by a member of the receiving organization or an admin only, and a later change clears it', async () => {
    const record = await addTx(partner, (await create(partner, base(partner))).id, {
      type: 'disbursement',
      valueDate: '2024-02-01',
      amount: '250',
      currency: 'USD',
    });
    const tx = record.transactions[0]!;
    const path = `/api/funding/records/${record.id}/transactions/${tx.id}/confirm`;
    expect((await send(partner, path, 'POST')).status).toBe(403);
    expect((await send(coordinator, path, 'POST')).status).toBe(403);
    const confirmed = await send(receiver, path, 'POST');
    expect(confirmed.status).toBe(200);
    const after = CommitmentRecordReplySchema.parse(await confirmed.json()).record;
    expect(after.transactions[0]).toMatchObject({ confirmedBy: { id: receiver.userId } });
    expect(after.transactions[0]!.confirmedAt).not.toBeNull();
    expect((await send(admin, path, 'DELETE')).status).toBe(200);
    expect((await send(admin, path, 'POST')).status).toBe(200);

    // A change by the donor clears the confirmation, and the history says so.
    const current = CommitmentRecordReplySchema.parse(
      await (await send(partner, `/api/funding/records/${record.id}`)).json(),
    ).record;
    const t = current.transactions[0]!;
    const edited = await send(
      partner,
      `/api/funding/records/${record.id}/transactions/${t.id}`,
      'PATCH',
      { amount: '300', revision: t.revision },
    );
    expect(edited.status).toBe(200);
    expect(
      CommitmentRecordReplySchema.parse(await edited.json()).record.transactions[0],
    ).toMatchObject({
      amount: '300.00',
      usd: '300.00',
      confirmedBy: null,
      confirmedAt: null,
    });
    const changes = await history(partner, record.id);
    expect(changes.map((c) => c.action).slice(0, 4)).toEqual([
      'transaction.updated',
      'transaction.confirmed',
      'transaction.unconfirmed',
      'transaction.confirmed',
    ]);
    expect(changes[0]).toMatchObject({
      transactionId: t.id,
      before: { amount: '250.00', usd: '250.00', confirmedBy: admin.userId },
      after: { amount: '300.00', usd: '300.00', confirmedBy: null },
    });
    // Stale transaction revision: 409 with the current record; unknown transaction: 404.
    const stale = await send(
      partner,
      `/api/funding/records/${record.id}/transactions/${t.id}`,
      'PATCH',
      { note: 'late', revision: t.revision },
    );
    expect(stale.status).toBe(409);
    expect(CommitmentConflictSchema.parse(await stale.json()).error.current.id).toBe(record.id);
    const other = await create(partner, base(partner));
    expect(
      (
        await send(partner, `/api/funding/records/${other.id}/transactions/${t.id}`, 'PATCH', {
          note: 'x',
          revision: 1,
        })
      ).status,
    ).toBe(404);
    const removed = await send(
      partner,
      `/api/funding/records/${record.id}/transactions/${t.id}`,
      'DELETE',
    );
    expect(removed.status).toBe(200);
    expect(CommitmentRecordReplySchema.parse(await removed.json()).record.transactions).toEqual([]);
    expect((await history(partner, record.id))[0]).toMatchObject({
      action: 'transaction.deleted',
      before: { amount: '300.00' },
      after: null,
    });
  });

  it('counts the larger of commitments and disbursements as funding, never pledges, and nothing for an alternative figure', async () => {
    const first = await create(admin, base(partner));
    await addTx(admin, first.id, {
      type: 'pledge',
      valueDate: '2024-01-01',
      amount: '900',
      currency: 'USD',
    });
    await addTx(admin, first.id, {
      type: 'commitment',
      valueDate: '2024-02-01',
      amount: '500',
      currency: 'USD',
    });
    await addTx(admin, first.id, {
      type: 'disbursement',
      valueDate: '2024-03-01',
      amount: '200',
      currency: 'USD',
    });
    const full = await addTx(admin, first.id, {
      type: 'disbursement',
      valueDate: '2024-04-01',
      amount: '400',
      currency: 'USD',
    });
    expect(full.figures).toEqual({
      pledged: '900.00',
      committed: '500.00',
      disbursed: '600.00',
      expended: '0.00',
      funding: '600.00',
      withoutRate: 0,
    });
    const alternative = await create(admin, {
      ...base(partner),
      conflicting: true,
      alternativeOfId: first.id,
    });
    const alt = await addTx(admin, alternative.id, {
      type: 'commitment',
      valueDate: '2024-02-01',
      amount: '700',
      currency: 'USD',
    });
    expect(alt.figures).toMatchObject({ committed: '700.00', funding: '0.00' });
    // An alternative of an alternative, or of a missing record, is refused.
    for (const alternativeOfId of [alternative.id, 'nosuchrecord0000']) {
      const res = await send(admin, '/api/funding/records', 'POST', {
        ...base(partner),
        alternativeOfId,
      });
      expect(res.status).toBe(400);
      expect(ErrorBodySchema.parse(await res.json()).error.field).toBe('alternativeOfId');
    }
    // A record others are alternatives of cannot become one itself.
    const other = await create(admin, base(partner));
    const chained = await send(admin, `/api/funding/records/${first.id}`, 'PATCH', {
      alternativeOfId: other.id,
      revision: first.revision,
    });
    expect(chained.status).toBe(400);
    const list = CommitmentRecordListSchema.parse(
      await (await send(coordinator, `/api/programs/${p0}/funding/records`)).json(),
    ).records;
    expect(list.every((r) => r.program?.id === p0)).toBe(true);
    const dates = list.map((r) => r.transactions.at(-1)?.valueDate ?? '');
    expect(dates.filter((d) => d !== '')).toEqual(
      [...dates.filter((d) => d !== '')].sort().reverse(),
    );
  });
});
