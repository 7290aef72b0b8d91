import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BallotConflictSchema,
  BallotReplySchema,
  BallotRevisionSchema,
  BoardReplySchema,
  ClosingBoardReplySchema,
  ErrorBodySchema,
  RoundReplySchema,
  ThreadChangedSchema,
  ThreadListSchema,
  ThreadSchema,
  listOf,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

describe.each(dialects)('priority rounds on %s', (dialect) => {
  let server: TestServer;
  let programs: string[];
  let owner: TestPerson;
  let otherAdmin: TestPerson;
  let lead: TestPerson;
  let leadColleague: TestPerson;
  let partner: TestPerson;
  let observer: TestPerson;
  let viewer: TestPerson;
  const sockets: ClientSocket[] = [];
  const send = (who: TestPerson, path: string, method = 'GET', body?: unknown) =>
    fetchAs(server, who, path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
  const openRound = async (resultsVisibility: 'while_open' | 'after_close') => {
    const res = await send(owner, '/api/rounds', 'POST', {
      title: { en: 'Priorities 2027', es: 'Prioridades 2027' },
      places: 3,
      closesAt: tomorrow(),
      resultsVisibility,
    });
    expect(res.status).toBe(201);
    return RoundReplySchema.parse(await res.json()).round;
  };
  const save = (who: TestPerson, roundId: string, ids: string[], revision: number) =>
    send(who, `/api/rounds/${roundId}/ballot`, 'PUT', {
      entries: ids.map((programId) => ({ programId, rationale: `Why ${programId}` })),
      revision,
    });

  beforeAll(async () => {
    server = await startServer({ dialect });
    const rows = await server.app.ctx.db
      .selectFrom('programs')
      .select('id')
      .orderBy('code')
      .execute();
    programs = rows.map((r) => r.id);
    const programId = programs[0]!;
    owner = await createPersonOn(server, { role: 'admin' });
    otherAdmin = await createPersonOn(server, { role: 'admin' });
    lead = await createPersonOn(server, { relation: 'lead', programId, locale: 'es' });
    leadColleague = await createPersonOn(server, { organizationId: lead.organizationId });
    partner = await createPersonOn(server, { relation: 'partner', programId });
    observer = await createPersonOn(server, { relation: 'observer', programId });
    viewer = await createPersonOn(server, {
      role: 'viewer',
      organizationId: partner.organizationId,
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.close();
  });

  it('opens a round with every program as candidate and 8 places by default, closing time in UTC', async () => {
    const res = await send(owner, '/api/rounds', 'POST', {
      title: { en: 'Priorities 2028', es: 'Prioridades 2028' },
      closesAt: '2099-03-01T09:30:00-06:00',
    });
    const { round } = RoundReplySchema.parse(await res.json());
    expect(round).toMatchObject({
      places: 8,
      closesAt: '2099-03-01T15:30:00.000Z',
      resultsVisibility: 'after_close',
      state: 'open',
      openedBy: { id: owner.userId },
    });
    expect([...round.candidateProgramIds].sort()).toEqual([...programs].sort());
  });

  it('refuses a closing time in the past and a non-admin opener', async () => {
    const past = { title: { en: 'A', es: 'A' }, closesAt: '2001-01-01T00:00:00Z' };
    expect((await send(owner, '/api/rounds', 'POST', past)).status).toBe(400);
    expect(
      (await send(lead, '/api/rounds', 'POST', { ...past, closesAt: tomorrow() })).status,
    ).toBe(403);
  });

  it('answers the second of two concurrent saves by one delegation with 409 and the current ballot; nothing is lost', async () => {
    const round = await openRound('after_close');
    const [a, b] = await Promise.all([
      save(lead, round.id, [programs[0]!, programs[1]!], 0),
      save(leadColleague, round.id, [programs[2]!], 0),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const stored = BallotReplySchema.parse(await won.json()).ballot;
    const conflict = BallotConflictSchema.parse(await lost.json());
    expect(conflict.error.current).toEqual(stored);
    expect(stored.revision).toBe(1);
    // The loser re-applies on the current revision: both saves are in the history.
    const loser = lost === b ? leadColleague : lead;
    const again = await save(loser, round.id, [programs[2]!], conflict.error.current.revision);
    expect(again.status).toBe(200);
    const history = listOf(BallotRevisionSchema).parse(
      await (await send(lead, `/api/rounds/${round.id}/ballot/revisions`)).json(),
    );
    expect(history.data.map((r) => r.revision)).toEqual([2, 1]);
    expect(history.data[0]).toMatchObject({ by: { id: loser.userId } });
  });

  it('refuses ballots from observers, viewers and an admin whose organization is no delegation', async () => {
    const round = await openRound('while_open');
    for (const who of [observer, viewer, otherAdmin]) {
      const res = await save(who, round.id, [programs[0]!], 0);
      expect(res.status).toBe(403);
    }
    const board = BoardReplySchema.parse(
      await (await send(partner, `/api/rounds/${round.id}/board`)).json(),
    );
    expect(board.board.votingDelegations).toBe(0);
  });

  it('refuses repeated programs, non-candidates and more places than the round has', async () => {
    const round = await openRound('after_close');
    for (const ids of [[programs[0]!, programs[0]!], ['nosuchprogram'], programs.slice(0, 4)]) {
      const res = await save(partner, round.id, ids, 0);
      expect(res.status).toBe(400);
      expect(ErrorBodySchema.parse(await res.json()).error.field).toBe('entries');
    }
  });

  it('never shows how others voted while results are hidden, by any route or live event', async () => {
    const round = await openRound('after_close');
    const partnerSocket = await connectAs(server, partner);
    sockets.push(partnerSocket);
    expect(await partnerSocket.emitWithAck('round.subscribe', { roundId: round.id })).toEqual({
      ok: true,
      data: { roundId: round.id },
    });
    const live = record(partnerSocket, 'ballot.changed');
    expect((await save(lead, round.id, [programs[1]!], 0)).status).toBe(200);
    await waitFor(() =>
      expect(live).toEqual([{ roundId: round.id, organizationId: lead.organizationId }]),
    );
    for (const path of ['ballots', 'board', 'board.csv', 'ballots.csv']) {
      const res = await send(partner, `/api/rounds/${round.id}/${path}`);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain(programs[1]!);
    }
    const own = BallotReplySchema.parse(
      await (await send(partner, `/api/rounds/${round.id}/ballot`)).json(),
    );
    expect(own.ballot).toMatchObject({ organizationId: partner.organizationId, revision: 0 });
    const seen = RoundReplySchema.parse(
      await (await send(partner, `/api/rounds/${round.id}`)).json(),
    );
    expect(seen.round.delegations.find((d) => d.id === lead.organizationId)?.voted).toBe(true);
    expect(seen.round.abilities.denied.viewResults).toBe('results_hidden');
  });

  it('lets anyone signed in follow a round live, and refuses unknown rounds and malformed payloads', async () => {
    const round = await openRound('after_close');
    const outsider = await createPersonOn(server);
    const socket = await connectAs(server, outsider);
    sockets.push(socket);
    expect(await socket.emitWithAck('round.subscribe', { roundId: round.id })).toMatchObject({
      ok: true,
    });
    expect(await socket.emitWithAck('round.subscribe', { roundId: 'nosuchround' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const junk = { roundId: '<script>', extra: 1 } as unknown as { roundId: string };
    expect(await socket.emitWithAck('round.subscribe', junk)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
  });

  it('closes by its owner only, then is read-only and shows its frozen board to everyone', async () => {
    const round = await openRound('after_close');
    expect((await save(lead, round.id, [programs[0]!, programs[1]!], 0)).status).toBe(200);
    expect((await save(partner, round.id, [programs[1]!], 0)).status).toBe(200);
    expect((await send(otherAdmin, `/api/rounds/${round.id}/close`, 'POST')).status).toBe(403);
    const closed = await send(owner, `/api/rounds/${round.id}/close`, 'POST');
    expect(RoundReplySchema.parse(await closed.json()).round).toMatchObject({
      state: 'closed',
      closedBy: { id: owner.userId },
    });
    const late = await save(lead, round.id, [programs[2]!], 1);
    expect(late.status).toBe(409);
    expect(ErrorBodySchema.parse(await late.json()).error.message).toMatch(/closed/);
    const { board } = BoardReplySchema.parse(
      await (await send(viewer, `/api/rounds/${round.id}/board`)).json(),
    );
    // Three places: programs[1] 3 + 2 = 5, programs[0] 3.
    expect(board.rows.slice(0, 2).map((r) => [r.programId, r.score])).toEqual([
      [programs[1], 5],
      [programs[0], 3],
    ]);
    expect(board.rows[0]?.consensus).toBe(1);
    expect(board.rows[1]?.rationales).toEqual([
      { organizationId: lead.organizationId, text: `Why ${programs[0]}`, locale: 'es' },
    ]);
  });

  it('exports the board and ballots as CSV with a BOM, CRLF rows and a download name', async () => {
    const round = await openRound('while_open');
    expect((await save(lead, round.id, [programs[0]!], 0)).status).toBe(200);
    const res = await send(partner, `/api/rounds/${round.id}/board.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain('Priorities 2027 results.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFRank,Code,Program,Score,Delegations ranking it,Consensus (%),Priority program,Ranked by',
    );
    const ballots = await (await send(partner, `/api/rounds/${round.id}/ballots.csv`)).text();
    expect(ballots).toContain(`Why ${programs[0]}`);
  });

  it('records who reopened a closed round, and closes a past-due round when read', async () => {
    const round = await openRound('after_close');
    await send(owner, `/api/rounds/${round.id}/close`, 'POST');
    const res = await send(otherAdmin, `/api/rounds/${round.id}/reopen`, 'POST', {
      closesAt: tomorrow(),
    });
    const reopened = RoundReplySchema.parse(await res.json()).round;
    expect(reopened.state).toBe('open');
    expect(reopened.reopenings).toHaveLength(1);
    expect(reopened.reopenings[0]?.by.id).toBe(otherAdmin.userId);
    await server.app.ctx.db
      .updateTable('priority_rounds')
      .set({ closes_at: '2001-01-01T00:00:00.000Z' })
      .where('id', '=', round.id)
      .execute();
    expect((await save(lead, round.id, [programs[0]!], 0)).status).toBe(409);
    const now = RoundReplySchema.parse(await (await send(lead, `/api/rounds/${round.id}`)).json());
    expect(now.round).toMatchObject({ state: 'closed', closedBy: null });
  });

  it('counts only the ballots of current delegations while open, and keeps the closing names in the record', async () => {
    const round = await openRound('while_open');
    const former = await createPersonOn(server, { relation: 'partner', programId: programs[2]! });
    const relation = `/api/programs/${programs[2]}/organizations/${former.organizationId}`;
    expect((await save(lead, round.id, [programs[0]!], 0)).status).toBe(200);
    expect((await save(former, round.id, [programs[1]!], 0)).status).toBe(200);
    const board = async () =>
      BoardReplySchema.parse(await (await send(partner, `/api/rounds/${round.id}/board`)).json())
        .board;
    const ballotsCsv = async () =>
      (await send(partner, `/api/rounds/${round.id}/ballots.csv`)).text();
    expect((await board()).votingDelegations).toBe(2);

    // No longer a delegation: its ballot stays stored but counts nowhere.
    expect((await send(owner, relation, 'DELETE')).status).toBe(204);
    const without = await board();
    expect(without.votingDelegations).toBe(1);
    const line = without.rows.find((r) => r.programId === programs[1]);
    expect(line).toMatchObject({ score: 0, rankedBy: [], rationales: [] });
    expect(without.rows.find((r) => r.programId === programs[0])?.consensus).toBe(1);
    expect(await ballotsCsv()).not.toContain(`Why ${programs[1]}`);
    const listed = listOf(BallotReplySchema.shape.ballot).parse(
      await (await send(partner, `/api/rounds/${round.id}/ballots`)).json(),
    );
    expect(listed.data.map((b) => b.organizationId)).toEqual([lead.organizationId]);

    // The relation comes back: the same ballot counts again.
    expect((await send(owner, relation, 'PUT', { relation: 'lead' })).status).toBe(204);
    expect((await board()).votingDelegations).toBe(2);

    // Closed, then the relation ends: the record still counts it and still names it.
    expect((await send(owner, `/api/rounds/${round.id}/close`, 'POST')).status).toBe(200);
    expect((await send(owner, relation, 'DELETE')).status).toBe(204);
    const record = await board();
    expect(record.votingDelegations).toBe(2);
    expect(record.organizations[former.organizationId]).toEqual({
      en: former.organizationId.slice(0, 6),
      es: `${former.organizationId.slice(0, 6)}-es`,
    });
    expect(await ballotsCsv()).toContain(`Why ${programs[1]}`);
  });

  it('keeps the language of a rationale whose text did not change; new or changed text takes the writer’s', async () => {
    const round = await openRound('while_open');
    const english = await createPersonOn(server, { organizationId: lead.organizationId });
    const entries = (a: string, b: string) => [
      { programId: programs[0]!, rationale: a },
      { programId: programs[1]!, rationale: b },
    ];
    const first = await send(english, `/api/rounds/${round.id}/ballot`, 'PUT', {
      entries: entries('Strong case', 'Second'),
      revision: 0,
    });
    expect(first.status).toBe(200);
    // The Spanish-speaking lead reorders and rewrites only the second rationale.
    const [a, b] = entries('Strong case', 'Segundo');
    const second = await send(lead, `/api/rounds/${round.id}/ballot`, 'PUT', {
      entries: [b, a],
      revision: 1,
    });
    const { ballot } = BallotReplySchema.parse(await second.json());
    expect(ballot.entries).toEqual([
      { programId: programs[1], rationale: 'Segundo', locale: 'es' },
      { programId: programs[0], rationale: 'Strong case', locale: 'en' },
    ]);
  });

  it('keeps each closing when a round is reopened: when, by whom, and its frozen board', async () => {
    const round = await openRound('after_close');
    expect((await save(lead, round.id, [programs[0]!], 0)).status).toBe(200);
    const closed = RoundReplySchema.parse(
      await (await send(owner, `/api/rounds/${round.id}/close`, 'POST')).json(),
    ).round;
    const reopen = () =>
      send(otherAdmin, `/api/rounds/${round.id}/reopen`, 'POST', { closesAt: tomorrow() });
    expect((await reopen()).status).toBe(200);
    // The second closing happens at the closing time (nobody closed it).
    await server.app.ctx.db
      .updateTable('priority_rounds')
      .set({ closes_at: '2001-01-01T00:00:00.000Z' })
      .where('id', '=', round.id)
      .execute();
    const due = RoundReplySchema.parse(
      await (await send(lead, `/api/rounds/${round.id}`)).json(),
    ).round;
    expect(due.state).toBe('closed');
    const res = await reopen();
    const { round: twice } = RoundReplySchema.parse(await res.json());
    expect(twice.reopenings.map((r) => ({ by: r.by.id, closing: r.closing }))).toEqual([
      {
        by: otherAdmin.userId,
        closing: { at: closed.closedAt, by: { id: owner.userId, name: closed.closedBy?.name } },
      },
      { by: otherAdmin.userId, closing: { at: due.closedAt, by: null } },
    ]);
    const kept = await server.app.ctx.db
      .selectFrom('priority_round_reopenings')
      .select('final_board')
      .where('round_id', '=', round.id)
      .orderBy('reopened_at')
      .execute();
    for (const row of kept) expect(row.final_board).toContain(lead.organizationId);
  });

  it("serves an earlier closing's frozen board to everyone who reads the round: same scores and names after ballots change", async () => {
    const round = await openRound('after_close');
    expect((await save(lead, round.id, [programs[0]!, programs[1]!], 0)).status).toBe(200);
    expect((await save(partner, round.id, [programs[1]!], 0)).status).toBe(200);
    expect((await send(owner, `/api/rounds/${round.id}/close`, 'POST')).status).toBe(200);
    const atClosing = BoardReplySchema.parse(
      await (await send(lead, `/api/rounds/${round.id}/board`)).json(),
    ).board;
    const reopened = RoundReplySchema.parse(
      await (
        await send(otherAdmin, `/api/rounds/${round.id}/reopen`, 'POST', { closesAt: tomorrow() })
      ).json(),
    ).round;
    const reopeningId = reopened.reopenings[0]!.id;
    const path = `/api/rounds/${round.id}/closings/${reopeningId}/board`;

    // After the reopening the ballots change and the lead's delegation is renamed.
    expect((await save(lead, round.id, [programs[2]!], 1)).status).toBe(200);
    await server.app.ctx.db
      .updateTable('organizations')
      .set({ short_name_en: 'Renamed', short_name_es: 'Renombrada' })
      .where('id', '=', lead.organizationId)
      .execute();

    // Results are hidden while the round is open again, yet the earlier record stays readable.
    expect((await send(viewer, `/api/rounds/${round.id}/board`)).status).toBe(403);
    for (const who of [viewer, observer, lead]) {
      const res = await send(who, path);
      expect(res.status).toBe(200);
      const reply = ClosingBoardReplySchema.parse(await res.json());
      expect(reply.board).toEqual(atClosing);
      expect(reply.closing).toEqual(reopened.reopenings[0]!.closing);
      expect(reply.closing.by?.id).toBe(owner.userId);
    }
    const csv = await send(observer, `${path}.csv`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(atClosing.organizations[lead.organizationId]!.en);
    expect(text).not.toContain('Renamed');

    // Another round's reopening, an unknown one, and signed out.
    const other = await openRound('after_close');
    expect((await send(owner, `/api/rounds/${other.id}/close`, 'POST')).status).toBe(200);
    const otherRound = RoundReplySchema.parse(
      await (
        await send(otherAdmin, `/api/rounds/${other.id}/reopen`, 'POST', { closesAt: tomorrow() })
      ).json(),
    ).round;
    const foreign = otherRound.reopenings[0]!.id;
    const notFound = await send(lead, `/api/rounds/${round.id}/closings/${foreign}/board`);
    expect(notFound.status).toBe(404);
    expect(ErrorBodySchema.parse(await notFound.json()).error.code).toBe('not_found');
    expect((await send(lead, `/api/rounds/${other.id}/closings/${foreign}/board`)).status).toBe(
      200,
    );
    expect((await fetch(`${server.url}${path}`)).status).toBe(401);
    // Ids that are not ids: 400 (414 for one past the router's length), in the error shape,
    // for the page and its CSV.
    for (const [bad, status] of [
      ['x'.repeat(300), 414],
      ["1' or '1'='1", 400],
      ['%00', 400],
      ['..%2F..%2Fetc', 400],
    ] as const) {
      for (const suffix of ['board', 'board.csv']) {
        const res = await send(lead, `/api/rounds/${round.id}/closings/${bad}/${suffix}`);
        expect(res.status, `${bad} ${suffix}`).toBe(status);
        expect(ErrorBodySchema.parse(await res.json()).error.code).toBeTypeOf('string');
      }
    }

    // A reopening recorded before closings were kept (0014) has no board to show.
    await server.app.ctx.db
      .updateTable('priority_round_reopenings')
      .set({ closed_at: null, closed_by: null, final_board: null })
      .where('id', '=', reopeningId)
      .execute();
    expect((await send(lead, path)).status).toBe(404);
  });

  it("keeps a thread on each program's line: read by everyone, written by all but viewers while open, live in the round's room", async () => {
    const round = await openRound('after_close');
    const subject = { kind: 'roundProgram', roundId: round.id, programId: programs[1]! };
    const query = `/api/threads?kind=roundProgram&roundId=${round.id}&programId=${programs[1]}`;
    const outsider = await createPersonOn(server);
    const watcher = await connectAs(server, outsider);
    sockets.push(watcher);
    await watcher.emitWithAck('round.subscribe', { roundId: round.id });
    const live = record(watcher, 'thread.changed');

    // An observer's and an outsider's people comment; a viewer reads only.
    const posted = await send(observer, '/api/threads', 'POST', { subject, body: 'Why first?' });
    expect(posted.status).toBe(201);
    const thread = ThreadSchema.parse(await posted.json());
    expect(
      (await send(outsider, `/api/threads/${thread.id}/comments`, 'POST', { body: 'Agreed' }))
        .status,
    ).toBe(201);
    expect((await send(viewer, '/api/threads', 'POST', { subject, body: 'No' })).status).toBe(403);
    const list = ThreadListSchema.parse(await (await send(viewer, query)).json());
    expect(list.threads.map((t) => t.comments.length)).toEqual([2]);
    expect(list.canComment).toBe(false);
    await waitFor(() =>
      expect(live.map((e) => ThreadChangedSchema.parse(e).change)).toEqual([
        'created',
        'commented',
      ]),
    );

    // A program that is not a candidate has no line; a closed round is the record.
    const notCandidate = { ...subject, roundId: 'nosuchround' };
    expect(
      (await send(observer, '/api/threads', 'POST', { subject: notCandidate, body: 'x' })).status,
    ).toBe(404);
    await send(owner, `/api/rounds/${round.id}/close`, 'POST');
    const late = await send(observer, `/api/threads/${thread.id}/comments`, 'POST', {
      body: 'Late',
    });
    expect(late.status).toBe(403);
    expect(ThreadListSchema.parse(await (await send(outsider, query)).json()).threads).toHaveLength(
      1,
    );
  });

  it("lets the thread's author, the line's program coordinators and admins resolve and reopen a line's thread; others get 403", async () => {
    const round = await openRound('after_close');
    const programId = programs[1]!;
    const subject = { kind: 'roundProgram', roundId: round.id, programId };
    const coordinator = await createPersonOn(server, {
      relation: 'lead',
      programId,
      coordinator: true,
    });
    const otherCoordinator = await createPersonOn(server, {
      relation: 'lead',
      programId: programs[2]!,
      coordinator: true,
    });
    const posted = await send(observer, '/api/threads', 'POST', { subject, body: 'Why here?' });
    const thread = ThreadSchema.parse(await posted.json());
    const act = async (who: TestPerson, action: 'resolve' | 'reopen') => {
      const res = await send(who, `/api/threads/${thread.id}/${action}`, 'POST');
      return { status: res.status, body: (await res.json()) as { state?: string } };
    };

    // Neither another program's coordinator nor a plain member of a delegation moderates.
    expect((await act(otherCoordinator, 'resolve')).status).toBe(403);
    expect((await act(partner, 'resolve')).status).toBe(403);
    // The line's program coordinator does, and sees that they may.
    const seen = ThreadSchema.parse(
      await (await send(coordinator, `/api/threads/${thread.id}`)).json(),
    );
    expect(seen.abilities.resolve).toBe(true);
    expect(await act(coordinator, 'resolve')).toMatchObject({
      status: 200,
      body: { state: 'resolved' },
    });
    expect(await act(otherAdmin, 'reopen')).toMatchObject({ status: 200, body: { state: 'open' } });
    expect(await act(observer, 'resolve')).toMatchObject({
      status: 200,
      body: { state: 'resolved' },
    });
    expect(await act(coordinator, 'reopen')).toMatchObject({
      status: 200,
      body: { state: 'open' },
    });
  });
});
