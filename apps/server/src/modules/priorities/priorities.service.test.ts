import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/actor.js';
import { createPerson, firstProgramId } from '../../testing/factories.js';
import { buildTestApp, recordEvents, type TestApp } from '../../testing/test-app.js';
import { validateSessionToken } from '../auth/index.js';
import { saveBallot } from './ballots.service.js';
import { getBoard } from './board.service.js';
import { closeDueRounds, closeRound, openRound } from './rounds.service.js';

// The live layer and the record rely on these services: events only after a real change,
// a close claimed once, and a closed board that no later edit rewrites.
describe('priorities services', () => {
  let t: TestApp;
  let programId: string;
  let admin: Actor;
  let member: Actor;
  const actorOf = async (token: string) => (await validateSessionToken(t.app.ctx, token))!;
  const aRound = () =>
    openRound(t.app.ctx, admin, {
      title: { en: 'Priorities 2027', es: 'Prioridades 2027' },
      places: 8,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      resultsVisibility: 'after_close',
    });
  beforeAll(async () => {
    t = await buildTestApp();
    programId = await firstProgramId(t.app);
    admin = await actorOf((await createPerson(t.app, { role: 'admin' })).token);
    member = await actorOf((await createPerson(t.app, { relation: 'lead', programId })).token);
  });
  afterAll(() => t.close());

  it('emits ballot.saved for a save and nothing for a stale one, which writes nothing', async () => {
    const round = await aRound();
    const saved = recordEvents(t.app.events, 'ballot.saved');
    const entries = [{ programId, rationale: null }];
    const first = await saveBallot(t.app.ctx, member, round.id, { entries, revision: 0 });
    const stale = await saveBallot(t.app.ctx, member, round.id, { entries: [], revision: 0 });
    expect(first.ok).toBe(true);
    expect(stale).toMatchObject({ ok: false, current: { revision: 1, entries: [{ programId }] } });
    expect(saved).toEqual([{ roundId: round.id, organizationId: member.organizationId }]);
  });

  it('closes once whoever tries, and keeps the board frozen at close as the record', async () => {
    const round = await aRound();
    await saveBallot(t.app.ctx, member, round.id, {
      entries: [{ programId, rationale: null }],
      revision: 0,
    });
    const closed = recordEvents(t.app.events, 'round.closed');
    await closeRound(t.app.ctx, admin, round.id);
    await closeDueRounds(t.app.ctx);
    await expect(closeRound(t.app.ctx, admin, round.id)).rejects.toMatchObject({ statusCode: 409 });
    expect(closed).toEqual([{ roundId: round.id }]);
    await t.app.ctx.db
      .updateTable('programs')
      .set({ title_en: 'Renamed after the round' })
      .where('id', '=', programId)
      .execute();
    const board = await getBoard(t.app.ctx, admin, round.id);
    expect(board.rows[0]).toMatchObject({ programId, score: 8 });
    expect(board.rows[0]?.titleEn).not.toBe('Renamed after the round');
  });
});
