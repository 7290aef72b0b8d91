import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, listRoomAttendance, type TestMeeting } from '@mesa/server/testing';
import { RoomStateSchema, type RoomCommand, type RoomReply, type RoomState } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

/** Any room command without its commandId (the helper adds a fresh one). */
type Command = RoomCommand extends infer C
  ? C extends RoomCommand
    ? Omit<C, 'commandId'>
    : never
  : never;

/** Sends a room command with a fresh commandId (or the given one); its reply. */
function command(socket: ClientSocket, c: Command, commandId: string = randomUUID()) {
  return socket.emitWithAck('meeting.command', { ...c, commandId });
}

/** The state of an ok reply (fails the test otherwise). */
function ok(reply: RoomReply): RoomState {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  return RoomStateSchema.parse(reply.data);
}

async function join(socket: ClientSocket, meetingId: string): Promise<RoomState> {
  return ok(await socket.emitWithAck('meeting.join', { meetingId }));
}

describe.each(dialects)('the live meeting room (%s)', (dialect) => {
  let server: TestServer;
  let programId: string;
  let chair: TestPerson;
  let coChair: TestPerson;
  let viewer: TestPerson;
  let outsider: TestPerson;
  const delegates: TestPerson[] = [];
  const open: ClientSocket[] = [];
  const connect = async (p: TestPerson) => {
    const s = await connectAs(server, p);
    open.push(s);
    return s;
  };
  /** A new scheduled meeting of everyone above (the outsider's organization excepted). */
  const meeting = (o: { oneSpeakerPerDelegation?: boolean } = {}): Promise<TestMeeting> =>
    createMeeting(server.app, {
      chairId: chair.userId,
      programIds: [programId],
      organizationIds: [chair, coChair, viewer, ...delegates].map((p) => p.organizationId),
      coChairIds: [coChair.userId],
      ...o,
    });
  /** A started meeting and the chair's socket in its room. */
  const started = async (o: { oneSpeakerPerDelegation?: boolean } = {}) => {
    const m = await meeting(o);
    const chairSocket = await connect(chair);
    const before = await join(chairSocket, m.meetingId);
    const state = ok(
      await command(chairSocket, {
        type: 'start',
        meetingId: m.meetingId,
        sequence: before.sequence,
      }),
    );
    return { ...m, chairSocket, state };
  };

  beforeAll(async () => {
    server = await startServer({ dialect });
    programId = await aProgramId(server);
    chair = await createPersonOn(server, { relation: 'lead', programId, coordinator: true });
    coChair = await createPersonOn(server, { relation: 'partner', programId, name: 'Co Chair' });
    viewer = await createPersonOn(server, { role: 'viewer', relation: 'partner', programId });
    outsider = await createPersonOn(server);
    for (let i = 0; i < 20; i += 1)
      delegates.push(
        await createPersonOn(server, { name: `Delegate ${String(i).padStart(2, '0')}` }),
      );
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await server?.close();
  });

  it('starts on the first item with a server timer and raises the sequence', async () => {
    const { itemIds, state } = await started();
    expect(state).toMatchObject({
      state: 'live',
      sequence: 1,
      chairId: chair.userId,
      currentItem: { id: itemIds[0], position: 0, of: 3 },
      speaker: null,
      queue: [],
      queueClosed: false,
    });
    expect(state.itemStartedAt).not.toBeNull();
    // The chair was in the room before the start: attending from it.
    const rows = await listRoomAttendance(server.app, state.meetingId);
    expect(rows).toMatchObject([{ user_id: chair.userId, left_at: null }]);
  });

  it('queues 20 participants asking for the floor in the same instant, each once, in server order', async () => {
    const { meetingId } = await started();
    const sockets = await Promise.all(delegates.map((d) => connect(d)));
    await Promise.all(sockets.map((s) => join(s, meetingId)));
    const replies = await Promise.all(
      sockets.map((s) => command(s, { type: 'requestFloor', meetingId, kind: 'ordinary' })),
    );
    const states = replies.map(ok);
    // Each request raised the sequence once: twenty distinct sequences after the start's 1.
    const sequences = states.map((s) => s.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const final = await join(sockets[0]!, meetingId);
    expect(final.sequence).toBe(21);
    expect(final.queue).toHaveLength(20);
    expect(new Set(final.queue.map((e) => e.userId)).size).toBe(20);
    // Server order: whoever's command applied first (lower sequence) is ahead.
    const bySequence = delegates
      .map((d, i) => ({ userId: d.userId, sequence: states[i]!.sequence }))
      .sort((a, b) => a.sequence - b.sequence)
      .map((x) => x.userId);
    expect(final.queue.map((e) => e.userId)).toEqual(bySequence);
    // A second request from the same person while waiting is refused, and changes nothing.
    const again = await command(sockets[0]!, { type: 'requestFloor', meetingId, kind: 'ordinary' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await join(sockets[0]!, meetingId)).sequence).toBe(21);
  });

  it('applies a retried command once and answers it with the first reply', async () => {
    const { meetingId, chairSocket, state } = await started();
    const commandId = randomUUID();
    const c: Command = { type: 'restartTimer', meetingId, sequence: state.sequence };
    const first = ok(await command(chairSocket, c, commandId));
    const retry = ok(await command(chairSocket, c, commandId));
    expect(retry).toEqual(first);
    expect((await join(chairSocket, meetingId)).sequence).toBe(state.sequence + 1);
    // The same commandId from someone else is refused, not answered with the chair's reply.
    const other = await connect(delegates[0]!);
    expect(await command(other, c, commandId)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('advances once when two chair windows press next against the same sequence', async () => {
    const { meetingId, itemIds, chairSocket, state } = await started();
    const second = await connect(chair);
    await join(second, meetingId);
    const [a, b] = await Promise.all([
      command(chairSocket, { type: 'next', meetingId, sequence: state.sequence }),
      command(second, { type: 'next', meetingId, sequence: state.sequence }),
    ]);
    const won = [a, b].filter((r) => r.ok);
    const lost = [a, b].filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const refusal = lost[0]!;
    if (refusal.ok) throw new Error('unreachable');
    expect(refusal.error.code).toBe('conflict');
    // The conflict carries the whole current state: already on the second item.
    expect(refusal.state).toMatchObject({
      sequence: state.sequence + 1,
      currentItem: { id: itemIds[1], position: 1 },
    });
  });

  it('gives a reconnecting participant the same item, timer and queue', async () => {
    const { meetingId, chairSocket, state } = await started();
    const next = ok(
      await command(chairSocket, { type: 'next', meetingId, sequence: state.sequence }),
    );
    const one = await connect(delegates[1]!);
    await join(one, meetingId);
    ok(await command(one, { type: 'requestFloor', meetingId, kind: 'ordinary' }));
    const other = await connect(delegates[2]!);
    await join(other, meetingId);
    const before = ok(await command(other, { type: 'requestFloor', meetingId, kind: 'ordinary' }));
    other.disconnect();
    const back = await connect(delegates[2]!);
    const after = await join(back, meetingId);
    expect(after.currentItem).toEqual(next.currentItem);
    expect(after.itemStartedAt).toBe(next.itemStartedAt);
    expect(after.queue).toEqual(before.queue);
    expect(after.sequence).toBe(before.sequence);
  });

  it('lets the co-chair take the chair when the chair is cut off, and carry on', async () => {
    const { meetingId, chairSocket, state } = await started();
    const deputy = await connect(coChair);
    const seen = await join(deputy, meetingId);
    chairSocket.disconnect();
    const taken = ok(
      await command(deputy, { type: 'takeChair', meetingId, sequence: seen.sequence }),
    );
    expect(taken.chairId).toBe(coChair.userId);
    expect(taken.sequence).toBe(state.sequence + 1);
    const advanced = ok(
      await command(deputy, { type: 'next', meetingId, sequence: taken.sequence }),
    );
    expect(advanced.currentItem?.position).toBe(1);
    // The former chair, back, no longer runs the room.
    const back = await connect(chair);
    const now = await join(back, meetingId);
    expect(await command(back, { type: 'next', meetingId, sequence: now.sequence })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('lets a viewer watch but not queue', async () => {
    const { meetingId } = await started();
    const watcher = await connect(viewer);
    const state = await join(watcher, meetingId);
    expect(state.state).toBe('live');
    expect(
      await command(watcher, { type: 'requestFloor', meetingId, kind: 'ordinary' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await join(watcher, meetingId)).sequence).toBe(state.sequence);
  });

  it('refuses a person of a non-participating organization, who then hears nothing', async () => {
    const { meetingId, chairSocket, state } = await started();
    const out = await connect(outsider);
    expect(await out.emitWithAck('meeting.join', { meetingId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await command(out, { type: 'requestFloor', meetingId, kind: 'ordinary' })).toMatchObject(
      { ok: false, error: { code: 'forbidden' } },
    );
    const heard = record(out, 'meeting.state');
    const heardChanges = record(out, 'meeting.changed');
    const inRoom = record(chairSocket, 'meeting.state');
    const next = ok(
      await command(chairSocket, { type: 'next', meetingId, sequence: state.sequence }),
    );
    await waitFor(() => expect(inRoom.some((s) => s.sequence === next.sequence)).toBe(true));
    ok(await command(chairSocket, { type: 'end', meetingId, sequence: next.sequence }));
    await waitFor(() => expect(inRoom.some((s) => s.state === 'ended')).toBe(true));
    expect(heard).toEqual([]);
    expect(heardChanges).toEqual([]);
  });

  it('drops the room of a person whose organization stops participating', async () => {
    const { meetingId, chairSocket, state } = await started();
    const delegate = delegates[3]!;
    const s = await connect(delegate);
    await join(s, meetingId);
    const revoked = record(s, 'meeting.accessRevoked');
    const heard = record(s, 'meeting.state');
    // The chair takes the delegation off the meeting through the API.
    const others = [chair, coChair, viewer, ...delegates]
      .map((p) => p.organizationId)
      .filter((id) => id !== delegate.organizationId);
    const res = await fetchAs(server, chair, `/api/meetings/${meetingId}/organizations`, {
      method: 'PUT',
      body: JSON.stringify({ organizationIds: others }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => expect(revoked).toEqual([{ meetingId }]));
    heard.length = 0;
    ok(await command(chairSocket, { type: 'restartTimer', meetingId, sequence: state.sequence }));
    await new Promise((r) => setTimeout(r, 150));
    expect(heard).toEqual([]);
  });

  it('keeps the queue rules: point of order first, closed list, give and end the floor, items lapse requests', async () => {
    const { meetingId, chairSocket, itemIds } = await started();
    const [a, b, c] = await Promise.all(delegates.slice(4, 7).map((d) => connect(d)));
    for (const s of [a!, b!, c!]) await join(s, meetingId);
    ok(await command(a!, { type: 'requestFloor', meetingId, kind: 'ordinary' }));
    ok(await command(b!, { type: 'requestFloor', meetingId, kind: 'ordinary' }));
    let state = ok(await command(c!, { type: 'requestFloor', meetingId, kind: 'point_of_order' }));
    expect(state.queue.map((e) => e.userId)).toEqual(
      [delegates[6]!, delegates[4]!, delegates[5]!].map((d) => d.userId),
    );
    // The chair moves b to the front, then closes the list.
    const bEntry = state.queue.find((e) => e.userId === delegates[5]!.userId)!;
    state = ok(
      await command(chairSocket, {
        type: 'moveEntry',
        meetingId,
        sequence: state.sequence,
        entryId: bEntry.id,
        position: 0,
      }),
    );
    expect(state.queue[0]!.id).toBe(bEntry.id);
    state = ok(
      await command(chairSocket, {
        type: 'closeQueue',
        meetingId,
        sequence: state.sequence,
        closed: true,
      }),
    );
    const d = await connect(delegates[7]!);
    await join(d, meetingId);
    const refusedclosed = await command(d, { type: 'requestFloor', meetingId, kind: 'ordinary' });
    expect(refusedclosed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refusedclosed.ok ? '' : refusedclosed.error.message).toContain('closed');
    // The floor: b speaks, then a; b's turn is over.
    state = ok(
      await command(chairSocket, {
        type: 'giveFloor',
        meetingId,
        sequence: state.sequence,
        entryId: bEntry.id,
      }),
    );
    expect(state.speaker).toMatchObject({ userId: delegates[5]!.userId });
    expect(state.speaker?.startedAt).toBeTruthy();
    expect(state.speakerMinutes).toBe(3);
    const aEntry = state.queue.find((e) => e.userId === delegates[4]!.userId)!;
    state = ok(
      await command(chairSocket, {
        type: 'giveFloor',
        meetingId,
        sequence: state.sequence,
        entryId: aEntry.id,
      }),
    );
    expect(state.speaker?.userId).toBe(delegates[4]!.userId);
    state = ok(
      await command(chairSocket, { type: 'endFloor', meetingId, sequence: state.sequence }),
    );
    expect(state.speaker).toBeNull();
    // c withdraws nothing of someone else's: withdraw takes one's own request only.
    state = ok(await command(c!, { type: 'withdraw', meetingId }));
    expect(state.queue).toEqual([]);
    expect(await command(c!, { type: 'withdraw', meetingId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // A waiting request lapses when the item changes, and the list reopens.
    ok(await command(c!, { type: 'requestFloor', meetingId, kind: 'point_of_order' }));
    state = await join(chairSocket, meetingId);
    state = ok(
      await command(chairSocket, {
        type: 'jump',
        meetingId,
        sequence: state.sequence,
        itemId: itemIds[2]!,
      }),
    );
    expect(state).toMatchObject({ queue: [], queueClosed: false, currentItem: { id: itemIds[2] } });
  });

  it('enforces one speaker per delegation per item when the meeting asks for it', async () => {
    const { meetingId } = await started({ oneSpeakerPerDelegation: true });
    const colleague = await createPersonOn(server, {
      organizationId: delegates[8]!.organizationId,
      name: 'Colleague',
    });
    const s1 = await connect(delegates[8]!);
    const s2 = await connect(colleague);
    await join(s1, meetingId);
    await join(s2, meetingId);
    ok(await command(s1, { type: 'requestFloor', meetingId, kind: 'ordinary' }));
    const refuseddelegation = await command(s2, {
      type: 'requestFloor',
      meetingId,
      kind: 'ordinary',
    });
    expect(refuseddelegation).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refuseddelegation.ok ? '' : refuseddelegation.error.message).toContain('delegation');
    // A point of order is procedural: the rule does not hold it back.
    ok(await command(s2, { type: 'requestFloor', meetingId, kind: 'point_of_order' }));
  });

  it('records attendance per person (one row across tabs) and marks delegations', async () => {
    const { meetingId, chairSocket, state } = await started();
    const person = delegates[9]!;
    const tab1 = await connect(person);
    const tab2 = await connect(person);
    await join(tab1, meetingId);
    const joined = await join(tab2, meetingId);
    expect(joined.present.filter((p) => p.userId === person.userId)).toHaveLength(1);
    const rows = () =>
      listRoomAttendance(server.app, meetingId).then((all) =>
        all.filter((r) => r.user_id === person.userId),
      );
    expect(await rows()).toMatchObject([{ left_at: null }]);
    tab1.disconnect();
    await new Promise((r) => setTimeout(r, 150));
    expect(await rows()).toMatchObject([{ left_at: null }]);
    ok(await tab2.emitWithAck('meeting.leave', { meetingId }));
    await waitFor(async () => expect((await rows())[0]?.left_at).not.toBeNull());
    // The chair marks a delegation; only participating ones.
    const marked = ok(
      await command(chairSocket, {
        type: 'markAttendance',
        meetingId,
        sequence: state.sequence,
        organizationId: person.organizationId,
        mark: 'excused',
      }),
    );
    expect(marked.delegations.find((d) => d.organizationId === person.organizationId)?.mark).toBe(
      'excused',
    );
    expect(
      await command(chairSocket, {
        type: 'markAttendance',
        meetingId,
        sequence: marked.sequence,
        organizationId: outsider.organizationId,
        mark: 'present',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Ending closes every open row and opens the amendment window.
    const back = await connect(person);
    await join(back, meetingId);
    const ended = ok(
      await command(chairSocket, { type: 'end', meetingId, sequence: marked.sequence }),
    );
    expect(ended.state).toBe('ended');
    const all = await listRoomAttendance(server.app, meetingId);
    expect(all.every((r) => r.left_at !== null)).toBe(true);
    const row = await server.app.ctx.db
      .selectFrom('meetings')
      .select(['ended_at', 'amendment_ends_at'])
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.amendment_ends_at!) - Date.parse(row.ended_at!)).toBe(5 * 86_400_000);
  });

  it('answers a committed start as done even when a listener of meeting.started fails', async () => {
    const { meetingId } = await meeting();
    const chairSocket = await connect(chair);
    await join(chairSocket, meetingId);
    const failing = () => {
      throw new Error('the minutes could not be created');
    };
    server.app.events.once('meeting.started', failing);
    const state = ok(await command(chairSocket, { type: 'start', meetingId, sequence: 0 }));
    expect(state).toMatchObject({ state: 'live', sequence: 1 });
    expect((await join(chairSocket, meetingId)).state).toBe('live');
  });

  it('lets a scheduled meeting be joined and refuses commands of a meeting not started', async () => {
    const { meetingId } = await meeting();
    const s = await connect(delegates[10]!);
    const state = await join(s, meetingId);
    expect(state).toMatchObject({ state: 'scheduled', currentItem: null, sequence: 0 });
    expect(await command(s, { type: 'requestFloor', meetingId, kind: 'ordinary' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('answers hostile commands with clear errors and leaves the state intact', async () => {
    const { meetingId, chairSocket, state } = await started();
    const other = await started();
    const s = await connect(delegates[11]!);
    await join(s, other.meetingId);
    const foreign = ok(
      await command(s, { type: 'requestFloor', meetingId: other.meetingId, kind: 'ordinary' }),
    );
    const foreignEntry = foreign.queue[0]!.id;
    const expectIntact = async () =>
      expect(await join(chairSocket, meetingId)).toMatchObject({
        sequence: state.sequence,
        queue: [],
        speaker: null,
      });
    // Another meeting's entry.
    expect(
      await command(chairSocket, {
        type: 'giveFloor',
        meetingId,
        sequence: state.sequence,
        entryId: foreignEntry,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Stale and out-of-order (future) sequences: conflict with the state.
    for (const sequence of [state.sequence - 1, state.sequence + 5]) {
      const reply = await command(chairSocket, { type: 'next', meetingId, sequence });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
        state: { sequence: state.sequence },
      });
    }
    // Malformed and oversized payloads.
    const raw = (payload: unknown) =>
      (chairSocket.emitWithAck as (e: string, p: unknown) => Promise<RoomReply>)(
        'meeting.command',
        payload,
      );
    for (const payload of [
      null,
      'next',
      { type: 'fly', meetingId, commandId: randomUUID() },
      { type: 'next', meetingId, commandId: 'not-a-uuid', sequence: state.sequence },
      { type: 'next', meetingId, commandId: randomUUID(), sequence: -1 },
      { type: 'next', meetingId, commandId: randomUUID(), sequence: state.sequence, extra: 1 },
      {
        type: 'giveFloor',
        meetingId,
        commandId: randomUUID(),
        sequence: state.sequence,
        entryId: 'x'.repeat(50_000),
      },
    ])
      expect(await raw(payload)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    // A meeting that does not exist.
    expect(
      await command(chairSocket, { type: 'next', meetingId: 'nosuchmeeting000', sequence: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await expectIntact();
  });

  it('survives a flood of raise and lower: state consistent, process up', async () => {
    const { meetingId, chairSocket } = await started();
    const s = await connect(delegates[12]!);
    await join(s, meetingId);
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        command(
          s,
          i % 2 === 0
            ? { type: 'requestFloor', meetingId, kind: 'ordinary' }
            : { type: 'withdraw', meetingId },
        ),
      ),
    );
    expect(replies.some((r) => !r.ok && r.error.code === 'too_many_requests')).toBe(true);
    const state = await join(chairSocket, meetingId);
    expect(
      state.queue.filter((e) => e.userId === delegates[12]!.userId).length,
    ).toBeLessThanOrEqual(1);
    // The server still answers.
    expect(
      ok(await command(chairSocket, { type: 'restartTimer', meetingId, sequence: state.sequence }))
        .sequence,
    ).toBe(state.sequence + 1);
  });
});
