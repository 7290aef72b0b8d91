import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { makeAbilities, makeMe, makeOrganization, makeProgram } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { currencies, makeRecord } from './fundingFixtures';
import { NewCommitmentRecordPage } from './NewCommitmentRecordPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const japan = makeOrganization({ id: 'org-jp', name: { en: 'Japan', es: 'Japón' } });
const program = makeProgram({ abilities: makeAbilities({ recordCommitment: true }) });

function show(options: { admin?: boolean; refuse?: boolean } = {}) {
  const bodies: Record<string, unknown> = {};
  const fetchMock = stubFetch({
    '/api/me': ok(
      makeMe({
        user: { organizationId: 'org-jp', role: options.admin ? 'admin' : 'member' },
        // What the server's policy says an admin may do: keep any organization's records.
        abilities: { manageCommitments: options.admin === true },
      }),
    ),
    '/api/organizations': ok({ data: [makeOrganization(), japan] }),
    '/api/programs': ok({
      data: [
        options.admin
          ? makeProgram({
              abilities: makeAbilities({ recordCommitment: true, manageCommitments: true }),
            })
          : program,
      ],
    }),
    '/api/funding/currencies': ok({ currencies }),
    '/api/funding/records': (init) => {
      if (options.refuse) {
        return {
          status: 403,
          body: { error: { code: 'forbidden', message: 'You do not have access to this.' } },
        };
      }
      bodies.record = JSON.parse(init?.body as string);
      return { status: 201, body: { record: makeRecord({ transactions: [] }) } };
    },
    '/api/funding/records/rec-1/transactions': (init) => {
      bodies.transaction = JSON.parse(init?.body as string);
      return { status: 201, body: { record: makeRecord() } };
    },
  });
  const view = renderRoute(<NewCommitmentRecordPage />, {
    path: '/funding/records/new',
    at: `/funding/records/new?programId=${program.id}`,
  });
  return { ...view, bodies, fetchMock };
}

async function chooseCurrency(text: string) {
  const box = screen.getByRole('combobox', { name: 'Currency' });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter' });
}

describe('NewCommitmentRecordPage', () => {
  it('limits a member to their own organization as donor and starts on the program', async () => {
    show();
    const donor = await screen.findByRole('combobox', { name: 'Donor organization' });
    expect([...(donor as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Japan']);
    expect(screen.getByText(/You record for your own organization/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Program' })).toHaveProperty('value', program.id);
  });

  it('offers every organization to an admin', async () => {
    show({ admin: true });
    const donor = await screen.findByRole('combobox', { name: 'Donor organization' });
    expect((donor as HTMLSelectElement).options.length).toBe(3);
  });

  it('checks the amount live with the currency digits and shows it as it will be stored', async () => {
    show();
    await screen.findByRole('combobox', { name: 'Currency' });
    const amount = screen.getByRole('textbox', { name: 'Amount' });
    fireEvent.change(amount, { target: { value: '1500.5' } });
    expect(screen.getByText(/Will be stored as/).textContent).toMatch(/1,500\.50/);

    await chooseCurrency('yen');
    expect(screen.getByText('JPY has no decimals: enter a whole amount.')).toBeTruthy();
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/Will be stored as/)).toBeNull();

    fireEvent.change(amount, { target: { value: '150000000' } });
    expect(amount.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText(/Will be stored as/).textContent).toMatch(/150,000,000/);

    await chooseCurrency('KWD');
    fireEvent.change(amount, { target: { value: '1.2345' } });
    expect(
      screen.getByText('KWD has 3 decimals: enter at most 3 digits after the point.'),
    ).toBeTruthy();
  });

  it('refuses to send a form with problems, says what to change and focuses the first one', async () => {
    const { fetchMock } = show();
    await screen.findByRole('combobox', { name: 'Currency' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Source link (optional)' }), {
      target: { value: 'ftp://example.org/agreement' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the commitment' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Some fields need attention: each one says what to change.',
    );
    expect(
      screen.getByText('Enter a full address starting with https:// or http://.'),
    ).toBeTruthy();
    expect(screen.getByText('Enter the amount.')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('textbox', { name: 'Source link (optional)' }),
      ),
    );
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('records the commitment, then its first transaction with the amount as stored', async () => {
    const { bodies, router } = show();
    await screen.findByRole('combobox', { name: 'Currency' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), {
      target: { value: 'commitment' },
    });
    fireEvent.change(screen.getByLabelText('Value date'), { target: { value: '2026-03-01' } });
    await chooseCurrency('jpy');
    fireEvent.change(screen.getByRole('textbox', { name: 'Amount' }), {
      target: { value: '150 000 000' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Description in English' }), {
      target: { value: '  Support to prevention ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the commitment' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/funding/records/rec-1'));
    expect(bodies.record).toEqual({
      donorOrganizationId: 'org-jp',
      programId: program.id,
      receivingOrganizationId: null,
      modality: 'financial',
      descriptionEn: 'Support to prevention',
      descriptionEs: '',
      sourceUrl: null,
      sourceReference: null,
    });
    expect(bodies.transaction).toEqual({
      type: 'commitment',
      valueDate: '2026-03-01',
      amount: '150000000',
      currency: 'JPY',
      note: '',
    });
  });

  it('says whose records these are when the server refuses the donor', async () => {
    const { bodies } = show({ admin: true, refuse: true });
    await screen.findByRole('combobox', { name: 'Currency' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Amount' }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the commitment' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Nothing was saved\. Choose your own organization as donor/);
    expect(bodies.transaction).toBeUndefined();
  });
});
