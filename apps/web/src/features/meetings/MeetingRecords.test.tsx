import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActionItem, Decision, MeetingRecords } from '@mesa/shared';
import { makeMe, makeProgram } from '../../test/fixtures';
import { ok, stubFetch, type StubReply } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { makeMeeting, makeMeetingAbilities } from '../meetingRoom/roomFixtures';
import { MeetingRecordsSection } from './MeetingRecords';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const chair = { id: 'u-chair', name: 'Marta Chair', organizationId: 'org-1' };
const organizations = [
  { id: 'org-1', name: { en: 'Secretariat', es: 'Secretaría' }, attendance: null },
  { id: 'org-2', name: { en: 'Health agency', es: 'Agencia de salud' }, attendance: null },
];
const people = [
  { ...chair, role: 'admin' },
  { id: 'u-ana', name: 'Ana Health', organizationId: 'org-2', role: 'member' },
  { id: 'u-luis', name: 'Luis Health', organizationId: 'org-2', role: 'member' },
];

const decision: Decision = {
  id: 'd-1',
  meetingId: 'm-1',
  agendaItemId: null,
  programId: null,
  text: { en: 'Approve the budget', es: 'Aprobar el presupuesto' },
  recordedBy: chair,
  recordedAt: '2026-12-06T15:10:00.000Z',
  updatedAt: '2026-12-06T15:10:00.000Z',
};

const actionItem: ActionItem = {
  id: 'a-1',
  meetingId: 'm-1',
  agendaItemId: 'item-2',
  programId: null,
  text: { en: 'Send the report', es: 'Enviar el informe' },
  ownerOrganization: { id: 'org-2', name: organizations[1]!.name },
  ownerPerson: { id: 'u-ana', name: 'Ana Health', organizationId: 'org-2' },
  dueDate: '2027-01-15',
  status: 'open',
  overdue: false,
  createdBy: chair,
  createdAt: '2026-12-06T15:20:00.000Z',
  updatedAt: '2026-12-06T15:20:00.000Z',
  statusChangedBy: null,
  statusChangedAt: null,
  abilities: { updateStatus: true, edit: true },
};

const frozen: StubReply = {
  status: 409,
  body: {
    error: {
      code: 'conflict',
      message: "This meeting's record is published and frozen; add an addendum instead.",
    },
  },
};

/** Serves the meeting's records (changeable as the test goes on) and answers writes. */
function setUp(writes: Record<string, (init?: RequestInit) => StubReply> = {}) {
  const state: { records: MeetingRecords } = {
    records: { decisions: [decision], actionItems: [actionItem] },
  };
  const fetchMock = stubFetch({
    '/api/me': ok(makeMe({ user: { id: 'u-chair', role: 'admin', timeZone: 'UTC' } })),
    '/api/programs': ok({ data: [makeProgram({ id: 'p-1', code: 'PRG-1' })] }),
    '/api/meetings/m-1/records': () => ok(state.records),
    '/api/meetings/m-1/people': ok({ data: people }),
    ...writes,
  });
  return { fetchMock, state };
}

function renderRecords(record = true) {
  const meeting = makeMeeting({
    programIds: ['p-1'],
    organizations,
    abilities: makeMeetingAbilities({ record }),
  });
  return renderRoute(<MeetingRecordsSection meeting={meeting} highlight={null} />);
}

const sent = (fetchMock: ReturnType<typeof stubFetch>, method: string) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === method);

async function decisionItem() {
  const list = await screen.findByRole('list', { name: 'Decisions' });
  return within(list).getByText('Approve the budget').closest('li')!;
}

describe('editing and deleting decisions', () => {
  it('edits a decision in place: the fields are filled in, the change is sent, focus returns to Edit', async () => {
    const { fetchMock, state } = setUp({
      '/api/meetings/m-1/decisions/d-1': (init) => {
        const body = JSON.parse(init?.body as string) as Pick<Decision, 'text' | 'agendaItemId'>;
        const changed = { ...decision, ...body, programId: null };
        state.records = { ...state.records, decisions: [changed] };
        return ok({ decision: changed });
      },
    });
    renderRecords();
    const item = await decisionItem();
    const edit = within(item).getByRole('button', { name: 'Edit' });
    fireEvent.click(edit);
    const form = within(item).getByRole('form', { name: 'Edit the decision' });
    const english = within(form).getByLabelText('Text in English');
    expect(document.activeElement).toBe(english);
    expect(english).toHaveProperty('value', 'Approve the budget');
    expect(within(form).getByLabelText('Text in Spanish')).toHaveProperty(
      'value',
      'Aprobar el presupuesto',
    );
    fireEvent.change(english, { target: { value: 'Approve the budget as amended' } });
    fireEvent.change(within(form).getByLabelText('Agenda item'), {
      target: { value: 'item-2' },
    });
    fireEvent.change(within(form).getByLabelText('Program'), { target: { value: 'p-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('Approve the budget as amended');
    const [patch] = sent(fetchMock, 'PATCH');
    expect(JSON.parse(patch![1]!.body as string)).toEqual({
      text: { en: 'Approve the budget as amended', es: 'Aprobar el presupuesto' },
      agendaItemId: 'item-2',
      programId: 'p-1',
    });
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Edit the decision' })).toBeNull(),
    );
    const list = screen.getByRole('list', { name: 'Decisions' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(list).getByRole('button', { name: 'Edit' })),
    );
  });

  it('cancels with Escape without sending anything, and refuses to save without any text', async () => {
    const { fetchMock } = setUp();
    renderRecords();
    const item = await decisionItem();
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    const form = within(item).getByRole('form', { name: 'Edit the decision' });
    fireEvent.change(within(form).getByLabelText('Text in English'), { target: { value: ' ' } });
    fireEvent.change(within(form).getByLabelText('Text in Spanish'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'Write the text in English, Spanish or both.',
    );
    fireEvent.keyDown(within(form).getByLabelText('Text in Spanish'), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Edit the decision' })).toBeNull();
    expect(document.activeElement).toBe(within(item).getByRole('button', { name: 'Edit' }));
    expect(sent(fetchMock, 'PATCH')).toHaveLength(0);
  });

  it('says plainly that a published record is frozen when the server refuses the change', async () => {
    setUp({ '/api/meetings/m-1/decisions/d-1': () => frozen });
    renderRecords();
    const item = await decisionItem();
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    const form = within(item).getByRole('form', { name: 'Edit the decision' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe(
      "This meeting's record is published and frozen, so it can no longer be changed here. Add an addendum to the published record instead.",
    );
    expect(document.activeElement).toBe(alert);
  });

  it('asks before deleting; keeping it returns focus, confirming deletes and says so', async () => {
    const { fetchMock, state } = setUp({
      '/api/meetings/m-1/decisions/d-1': () => {
        state.records = { ...state.records, decisions: [] };
        return { status: 204, body: null };
      },
    });
    renderRecords();
    const item = await decisionItem();
    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    const question = within(item).getByRole('group', {
      name: "Delete this decision? It disappears from the meeting's records; this cannot be undone.",
    });
    const keep = within(question).getByRole('button', { name: 'Keep it' });
    expect(document.activeElement).toBe(keep);
    fireEvent.click(keep);
    expect(document.activeElement).toBe(within(item).getByRole('button', { name: 'Delete' }));
    expect(sent(fetchMock, 'DELETE')).toHaveLength(0);

    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    await screen.findByText('No decisions recorded.');
    expect(sent(fetchMock, 'DELETE')).toHaveLength(1);
    const notice = screen.getByRole('status');
    expect(notice.textContent).toBe('Decision deleted.');
    await waitFor(() => expect(document.activeElement).toBe(notice));
  });

  it('offers no edit or delete to those who may not record', async () => {
    setUp();
    renderRecords(false);
    const item = await decisionItem();
    expect(within(item).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(item).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Record a decision' })).toBeNull();
  });
});

describe('editing action items', () => {
  it('edits text, owner person, due date and agenda item, filled in from the item', async () => {
    const { fetchMock, state } = setUp({
      '/api/action-items/a-1': (init) => {
        const changed = {
          ...actionItem,
          text: { en: 'Send the final report', es: 'Enviar el informe' },
          ownerPerson: { id: 'u-luis', name: 'Luis Health', organizationId: 'org-2' },
          dueDate: '2027-02-01',
        };
        expect(init?.method).toBe('PATCH');
        state.records = { ...state.records, actionItems: [changed] };
        return ok({ actionItem: changed });
      },
    });
    renderRecords();
    const list = await screen.findByRole('list', { name: 'Action items' });
    const item = within(list).getByText('Send the report').closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    const form = within(item).getByRole('form', { name: 'Edit the action item' });
    expect(within(form).getByLabelText('Owner organization')).toHaveProperty('value', 'org-2');
    await within(form).findByRole('option', { name: 'Luis Health' });
    expect(within(form).getByLabelText('Owner person')).toHaveProperty('value', 'u-ana');
    expect(within(form).getByLabelText('Due date')).toHaveProperty('value', '2027-01-15');
    expect(within(form).getByLabelText('Agenda item')).toHaveProperty('value', 'item-2');
    fireEvent.change(within(form).getByLabelText('Text in English'), {
      target: { value: 'Send the final report' },
    });
    fireEvent.change(within(form).getByLabelText('Owner person'), { target: { value: 'u-luis' } });
    fireEvent.change(within(form).getByLabelText('Due date'), { target: { value: '2027-02-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('Send the final report');
    expect(JSON.parse(sent(fetchMock, 'PATCH')[0]![1]!.body as string)).toEqual({
      text: { en: 'Send the final report', es: 'Enviar el informe' },
      agendaItemId: 'item-2',
      programId: null,
      ownerOrganizationId: 'org-2',
      ownerUserId: 'u-luis',
      dueDate: '2027-02-01',
    });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(screen.getByRole('list', { name: 'Action items' })).getByRole('button', {
          name: 'Edit',
        }),
      ),
    );
  });

  it('shows no edit button on an action item the reader may not edit', async () => {
    const { state } = setUp();
    state.records = {
      decisions: [],
      actionItems: [{ ...actionItem, abilities: { updateStatus: true, edit: false } }],
    };
    renderRecords();
    const list = await screen.findByRole('list', { name: 'Action items' });
    expect(within(list).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(list).getByLabelText('Status')).toBeTruthy();
  });
});
