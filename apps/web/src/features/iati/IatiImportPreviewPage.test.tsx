import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IatiImport } from '@mesa/shared';
import { makeProgram } from '../../test/fixtures';
import { ok, stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { IatiImportPreviewPage } from './IatiImportPreviewPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const program = makeProgram({ id: 'p-ac1', code: 'AC1', titleEn: 'Crime', titleEs: 'Crimen' });

const transaction = (line: number, amount: string, usd: string | null, duplicate = false) => ({
  line,
  ref: null,
  type: 'commitment' as const,
  fileType: '2',
  valueDate: '2025-01-15',
  amount,
  currency: 'EUR',
  usd,
  provider: { ref: null, name: 'Spain', organization: null },
  receiverName: null,
  description: '',
  duplicate,
});

const preview: IatiImport = {
  id: 'imp1',
  fileName: 'spain.xml',
  version: '2.03',
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-01-02T00:00:00.000Z',
  status: 'preview',
  scopeOrganizationId: null,
  problems: [{ line: 2, message: 'the file names no version' }],
  result: null,
  activities: [
    {
      index: 0,
      line: 3,
      identifier: 'ES-DIR3-1',
      title: 'Border training',
      suggestedProgramId: null,
      suggestedFrom: null,
      suggestedStrategyWide: false,
      transactions: [
        transaction(10, '1234567.5', '1300000.25'),
        transaction(11, '1000', null),
        transaction(12, '99', '100.00', true),
      ],
      problems: [{ line: 13, message: 'unknown currency XXX' }],
    },
  ],
};

/** Text with Intl's no-break spaces as plain ones. */
const text = (el: Element | undefined) => (el?.textContent ?? '').replace(/\s/g, ' ');

function show(language: 'en' | 'es') {
  const fetchMock = stubFetch({
    '/api/funding/iati/imports/imp1': ok({ import: preview }),
    '/api/programs': ok({ data: [program] }),
    '/api/funding/iati/imports/imp1/confirm': {
      status: 409,
      body: { error: { code: 'conflict', message: 'This import was already confirmed.' } },
    },
  });
  renderRoute(<IatiImportPreviewPage />, {
    path: '/funding/iati/imports/:importId',
    at: '/funding/iati/imports/imp1',
    language,
  });
  return fetchMock;
}

describe('IatiImportPreviewPage', () => {
  it('formats amounts and totals in the reader’s locale from the decimal strings', async () => {
    show('es');
    const region = await screen.findByRole('region', { name: 'Border training' });
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(text(rows[0])).toContain('1.234.567,50 €');
    expect(text(rows[0])).toContain('1.300.000,25 US$');
    expect(text(rows[1])).toContain('1000,00 €sin tipo de cambio');
    // Only the two new transactions count; the one without a rate is listed, not summed.
    expect(text(screen.getByRole('status'))).toBe(
      '2 transacciones por importar, 1.300.000,25 US$ a los tipos de cambio de hoy; 1 no tiene tipo de cambio (se muestra, no se suma).',
    );
    expect(screen.getByText(/Línea 2: the file names no version/)).toBeTruthy();
    expect(screen.getByText(/Línea 13: unknown currency XXX/)).toBeTruthy();
  });

  it('sends the chosen program and says what to do when the import is refused', async () => {
    const fetchMock = show('en');
    const select = await screen.findByRole('combobox', { name: 'Record on' });
    await waitFor(() => expect(screen.getByRole('option', { name: 'AC1 — Crime' })).toBeTruthy());
    fireEvent.change(select, { target: { value: 'p-ac1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The import did not go through: This import was already confirmed. Nothing was recorded; try again, or upload the file again.',
    );
    const sent = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body;
    expect(typeof sent === 'string' ? JSON.parse(sent) : null).toEqual({
      activities: [{ index: 0, programId: 'p-ac1', skip: false }],
    });
  });
});
