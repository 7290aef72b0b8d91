import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Ballot } from '@mesa/shared';
import { makeProgram } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { BallotEditor } from './BallotEditor';
import { makeBallot, makeRound } from './roundFixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programs = [
  makeProgram({ id: 'p1', code: 'BA1', titleEn: 'First' }),
  makeProgram({ id: 'p2', code: 'BB1', titleEn: 'Second' }),
  makeProgram({ id: 'p3', code: 'BC1', titleEn: 'Third' }),
];
const round = makeRound();
const places = () =>
  within(screen.getByRole('list', { name: 'Ranked programs' }))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-program-id'));

function show(over: Partial<Ballot> = {}) {
  renderRoute(<BallotEditor round={round} ballot={makeBallot(over)} programs={programs} />);
}
const threeRanked: Partial<Ballot> = {
  entries: ['p1', 'p2', 'p3'].map((programId) => ({ programId, rationale: null, locale: 'en' })),
};
/** Presses Alt+Arrow on a control, focused first as a keyboard user's would be. */
function altArrow(control: HTMLElement, key: 'ArrowUp' | 'ArrowDown') {
  control.focus();
  fireEvent.keyDown(control, { key, altKey: true });
}

describe('BallotEditor', () => {
  it('moves a program with Alt+ArrowUp and announces its new place', async () => {
    stubFetch({});
    show();
    const second = screen.getAllByRole('button', { name: /^Move up/ })[1]!;
    fireEvent.keyDown(second, { key: 'ArrowUp', altKey: true });
    expect(places()).toEqual(['p2', 'p1']);
    expect(await screen.findByText('BB1 · Second moved to position 1 of 2')).toBeTruthy();
  });

  it("keeps focus on the Move down button used with Alt+ArrowDown at the entry's new place, on Move up at the end", async () => {
    stubFetch({});
    show(threeRanked);
    altArrow(screen.getByRole('button', { name: 'Move down: BA1 · First' }), 'ArrowDown');
    expect(places()).toEqual(['p2', 'p1', 'p3']);
    expect(await screen.findByText('BA1 · First moved to position 2 of 3')).toBeTruthy();
    const moveDown = screen.getByRole('button', { name: 'Move down: BA1 · First' });
    await waitFor(() => expect(document.activeElement).toBe(moveDown));
    // Once at the last place, Move down is disabled: focus goes to Move up, not elsewhere.
    altArrow(moveDown, 'ArrowDown');
    expect(places()).toEqual(['p2', 'p3', 'p1']);
    expect(await screen.findByText('BA1 · First moved to position 3 of 3')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Move up: BA1 · First' }),
      ),
    );
  });

  it('keeps focus in the rationale when Alt+ArrowUp is pressed there', async () => {
    stubFetch({});
    show(threeRanked);
    const rationale = within(screen.getAllByRole('listitem')[2]!).getByRole('textbox');
    altArrow(rationale, 'ArrowUp');
    expect(places()).toEqual(['p1', 'p3', 'p2']);
    expect(await screen.findByText('BC1 · Third moved to position 2 of 3')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(rationale));
  });

  it("shows the other member's version on a 409 and saves the person's own on the current revision", async () => {
    const theirs = makeBallot({
      revision: 2,
      entries: [{ programId: 'p3', rationale: null, locale: 'es' }],
      updatedBy: { id: 'u-luis', name: 'Luis' },
    });
    const sent: unknown[] = [];
    stubFetch({
      '/api/rounds/r1/ballot': (init) => {
        const body: unknown = JSON.parse(typeof init?.body === 'string' ? init.body : 'null');
        sent.push(body);
        if (sent.length === 1)
          return {
            status: 409,
            body: { error: { code: 'conflict', message: 'stale', current: theirs } },
          };
        return ok({ ballot: makeBallot({ revision: 3, entries: theirs.entries }) });
      },
    });
    show();
    fireEvent.click(screen.getAllByRole('button', { name: /^Move down/ })[0]!);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save the ballot' }));
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Luis saved');
    expect(within(alert).getByText('BC1 · Third')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Save my version instead' }));
    });
    expect(sent[1]).toMatchObject({
      revision: 2,
      entries: [{ programId: 'p2' }, { programId: 'p1' }],
    });
  });
});
