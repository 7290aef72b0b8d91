import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { makeMe, makeOrganization, makeProgram } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { blankItem } from './agendaDraft';
import { meetingInput, newMeetingDraft, type MeetingDraft } from './meetingForm';
import { NewMeetingPage } from './MeetingFormPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const valid = (over: Partial<MeetingDraft> = {}): MeetingDraft => ({
  ...newMeetingDraft('Europe/Madrid', Date.parse('2027-03-01T12:00:00Z')),
  titleEn: 'Coordination',
  titleEs: 'Coordinación',
  startDate: '2027-03-31',
  startTime: '20:00',
  endDate: '2027-03-31',
  endTime: '22:00',
  chairId: 'u-chair',
  ...over,
});

describe('meetingInput', () => {
  it('builds the API input with the times in UTC from the chosen zone', () => {
    const result = meetingInput(valid({ callUrl: ' https://meet.example.org/abc ' }));
    expect('input' in result && result.input).toMatchObject({
      title: { en: 'Coordination', es: 'Coordinación' },
      startsAt: '2027-03-31T18:00:00.000Z',
      endsAt: '2027-03-31T20:00:00.000Z',
      callUrl: 'https://meet.example.org/abc',
      location: null,
      amendmentDays: 5,
      speakerMinutes: null,
    });
  });

  it('names each wrong field: titles, times, end before start, call link, numbers, chair', () => {
    const result = meetingInput(
      valid({
        titleEn: ' ',
        startTime: '9h',
        endDate: '2027-03-30',
        callUrl: 'javascript:alert(1)',
        amendmentDays: '31',
        speakerMinutes: '0',
        chairId: '',
      }),
    );
    expect('problems' in result && result.problems.fields).toEqual({
      titleEn: 'meetings.form.required',
      start: 'meetings.form.badTime',
      callUrl: 'meetings.form.badUrl',
      amendmentDays: 'meetings.form.amendmentRange',
      speakerMinutes: 'meetings.form.speakerRange',
      chairId: 'meetings.form.chairRequired',
    });
    const backwards = meetingInput(valid({ endTime: '19:00' }));
    expect('problems' in backwards && backwards.problems.fields.end).toBe(
      'meetings.form.endAfterStart',
    );
  });

  it('checks each agenda item', () => {
    const result = meetingInput(valid({ agenda: [{ ...blankItem(), plannedMinutes: '500' }] }));
    expect('problems' in result && result.problems.agenda).toEqual([
      {
        titleEn: 'meetings.agenda.titleRequired',
        titleEs: 'meetings.agenda.titleRequired',
        plannedMinutes: 'meetings.agenda.minutesRange',
      },
    ]);
  });
});

describe('NewMeetingPage', () => {
  const options = {
    chairs: [{ id: 'u-1', name: 'Marta Chair', organizationId: 'org-1', role: 'admin' }],
    organizations: [{ id: 'org-1', name: { en: 'Secretariat', es: 'Secretaría' } }],
    openActionItems: [],
  };
  function stub() {
    return stubFetch({
      '/api/me': ok(makeMe({ user: { id: 'u-1', role: 'admin', timeZone: 'America/New_York' } })),
      '/api/programs': ok({ data: [makeProgram()] }),
      '/api/organizations': ok({
        data: [makeOrganization({ id: 'org-1' }), makeOrganization({ id: 'org-2' })],
      }),
      '/api/meetings/options?programIds=': ok(options),
    });
  }

  it('refuses to send an incomplete form and says what to fix, field by field', async () => {
    const fetchMock = stub();
    renderRoute(<NewMeetingPage />);
    await screen.findByRole('option', { name: 'Marta Chair' });
    fireEvent.change(screen.getByLabelText('Call link (optional)', { exact: false }), {
      target: { value: 'ftp://files.example.org' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create the meeting' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Some fields need attention: see the messages below each one.',
    );
    expect(screen.getAllByText('Fill this in.')).toHaveLength(2);
    expect(screen.getByText('Enter a web address starting with https:// or http://.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('shows the UTC equivalent of the times entered in the chosen zone', async () => {
    stub();
    renderRoute(<NewMeetingPage />);
    await screen.findByRole('option', { name: 'Marta Chair' });
    fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '2027-03-10' } });
    fireEvent.change(screen.getByLabelText('End date'), { target: { value: '2027-03-10' } });
    fireEvent.change(screen.getByLabelText('Start time', { exact: false }), {
      target: { value: '13:00' },
    });
    fireEvent.change(screen.getByLabelText('End time', { exact: false }), {
      target: { value: '15:00' },
    });
    await waitFor(() =>
      expect(screen.getByText('In UTC: 2027-03-10 18:00 – 2027-03-10 20:00 UTC')).toBeTruthy(),
    );
  });
});
