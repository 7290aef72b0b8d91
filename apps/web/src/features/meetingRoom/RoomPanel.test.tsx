import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { RoomCommand, RoomReply, RoomState } from '@mesa/shared';
import { live } from '../../lib/socket';
import type { FakeLive } from '../../test/fakeLive';
import { ok, stubFetch } from '../../test/fetchStub';
import { makeMe } from '../../test/fixtures';
import { renderRoute } from '../../test/renderWithProviders';
import { RoomPanel } from './RoomPanel';
import { makeMeeting, makeMeetingAbilities, makeRoomState } from './roomFixtures';

vi.mock('../../lib/socket', async (importOriginal) => {
  const { createFakeLive } = await import('../../test/fakeLive');
  return { ...(await importOriginal<object>()), live: createFakeLive() };
});

const fake = live as FakeLive;

afterEach(() => {
  cleanup();
  fake.commands.length = 0;
  fake.setState('idle');
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function joinWith(state: RoomState) {
  act(() => fake.meetings.get('m-1')?.forEach((listener) => listener({ ok: true, data: state })));
}

function lastCommand(): { command: RoomCommand; reply: (reply: RoomReply | null) => void } {
  const sent = fake.commands.at(-1);
  if (!sent) throw new Error('no command sent');
  return sent;
}

function renderAs(userId: string, abilities = makeMeetingAbilities()) {
  stubFetch({ '/api/me': ok(makeMe({ user: { id: userId } })) });
  fake.setState('live');
  return renderRoute(<RoomPanel meeting={makeMeeting({ abilities })} />);
}

describe('RoomPanel', () => {
  it('adopts the current state on a conflict and says plainly that the meeting moved on', async () => {
    renderAs('u-chair', makeMeetingAbilities({ chairRoom: true, requestFloor: false }));
    joinWith(makeRoomState({ sequence: 5 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next item' }));
    const { command, reply } = lastCommand();
    expect(command).toMatchObject({ type: 'next', meetingId: 'm-1', sequence: 5 });
    expect(command.commandId).toMatch(/^[0-9a-f-]{36}$/);
    const moved = makeRoomState({
      sequence: 7,
      currentItem: {
        id: 'item-3',
        position: 2,
        of: 3,
        title: { en: 'Closing', es: 'Cierre' },
        kind: 'information',
        plannedMinutes: 5,
      },
    });
    await act(async () =>
      reply({ ok: false, error: { code: 'conflict', message: 'Stale' }, state: moved }),
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'Someone else moved the meeting on; this is where it is now.',
    );
    expect(screen.getByText('Item 3 of 3', { exact: false })).toBeTruthy();
    expect(screen.getByText('Closing')).toBeTruthy();
  });

  it('sends a command again with the same commandId after a reconnect when no ack came', async () => {
    renderAs('u-ana');
    joinWith(makeRoomState());
    fireEvent.click(await screen.findByRole('button', { name: 'Ask for the floor' }));
    const first = lastCommand();
    expect(first.command).toMatchObject({ type: 'requestFloor', kind: 'ordinary' });
    expect('sequence' in first.command).toBe(false);
    act(() => fake.setState('reconnecting'));
    await act(async () => first.reply(null));
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    expect(fake.commands).toHaveLength(1);
    act(() => fake.setState('live'));
    expect(fake.commands).toHaveLength(2);
    const retry = lastCommand();
    expect(retry.command.commandId).toBe(first.command.commandId);
    const queued = makeRoomState({
      sequence: 6,
      queue: [entry('q-1', 'u-ana', 'Ana Morales', 'ordinary')],
    });
    await act(async () => retry.reply({ ok: true, data: queued }));
    expect(screen.getByText('You are number 1 on the list.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeTruthy();
  });

  it('keeps the newest state and ignores an older one arriving late', async () => {
    renderAs('u-ana');
    joinWith(makeRoomState({ sequence: 5 }));
    act(() => fake.serverEmit('meeting.state', makeRoomState({ sequence: 4, currentItem: null })));
    expect(await screen.findByText('Budget')).toBeTruthy();
  });

  it('counts the item down on the server clock and shows an overrun in words', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T15:20:13.000Z'));
    renderAs('u-ana');
    // The server's clock is a minute ahead of this one; the item started 13:13 ago by it.
    joinWith(
      makeRoomState({
        itemStartedAt: '2026-12-06T15:08:00.000Z',
        serverNow: '2026-12-06T15:21:13.000Z',
      }),
    );
    expect((await screen.findByRole('timer')).textContent).toBe('+03:13 over');
  });

  it('shows the list of speakers in the server order, points of order marked', async () => {
    renderAs('u-chair', makeMeetingAbilities({ chairRoom: true }));
    joinWith(
      makeRoomState({
        queue: [
          entry('q-3', 'u-luis', 'Luis Pérez', 'point_of_order'),
          entry('q-1', 'u-ana', 'Ana Morales', 'ordinary'),
          entry('q-2', 'u-eva', 'Eva Ruiz', 'ordinary'),
        ],
      }),
    );
    const list = await screen.findByRole('list', { name: 'List of speakers' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('data-entry-id'))).toEqual(['q-3', 'q-1', 'q-2']);
    expect(within(rows[0]!).getByText('Point of order')).toBeTruthy();
    expect(within(rows[1]!).queryByText('Point of order')).toBeNull();
    expect(
      await within(rows[1]!).findByRole('button', { name: 'Move Ana Morales up' }),
    ).toBeTruthy();
    fireEvent.click(within(rows[2]!).getByRole('button', { name: 'Give the floor to Eva Ruiz' }));
    expect(lastCommand().command).toMatchObject({ type: 'giveFloor', entryId: 'q-2', sequence: 5 });
  });

  it('offers a co-chair to take the chair, prominently when the chair is not in the room', async () => {
    renderAs(
      'u-ana',
      makeMeetingAbilities({ takeChair: false, denied: { takeChair: 'meeting_stage' } }),
    );
    joinWith(makeRoomState({ present: [] }));
    expect(await screen.findByText('The chair is not in the room', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Take the chair' }));
    expect(lastCommand().command).toMatchObject({ type: 'takeChair', sequence: 5 });
    await act(async () =>
      lastCommand().reply({ ok: false, error: { code: 'forbidden', message: 'No' } }),
    );
    expect(screen.getByRole('alert').textContent).toContain('You may not do this now');
  });

  it('lets only the chair start the meeting; viewers watch without asking for the floor', async () => {
    renderAs(
      'u-eva',
      makeMeetingAbilities({ requestFloor: false, denied: { requestFloor: 'read_only_role' } }),
    );
    joinWith(makeRoomState({ state: 'scheduled', currentItem: null, itemStartedAt: null }));
    expect(await screen.findByText('The meeting has not started.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start the meeting' })).toBeNull();
    joinWith(makeRoomState({ sequence: 6 }));
    expect(await screen.findByText('Budget')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ask for the floor' })).toBeNull();
  });
});

function entry(id: string, userId: string, name: string, kind: 'ordinary' | 'point_of_order') {
  return {
    id,
    userId,
    name,
    organizationId: 'org-sgsica',
    organizationName: { en: 'SG-SICA', es: 'SG-SICA' },
    kind,
    requestedAt: '2026-12-06T15:11:00.000Z',
  };
}
