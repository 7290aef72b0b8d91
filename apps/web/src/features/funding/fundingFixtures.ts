import type { CommitmentRecord, CurrencyInfo, FundingTransaction } from '@mesa/shared';

/** Test data of the funding pages (not shipped: only tests import it). */
export const currencies: CurrencyInfo[] = [
  { code: 'EUR', digits: 2, name: 'Euro' },
  { code: 'JPY', digits: 0, name: 'Yen' },
  { code: 'KWD', digits: 3, name: 'Kuwaiti Dinar' },
  { code: 'USD', digits: 2, name: 'US Dollar' },
];

/** A transaction; override any field. */
export function makeTransaction(overrides: Partial<FundingTransaction> = {}): FundingTransaction {
  return {
    id: 'tx-1',
    recordId: 'rec-1',
    type: 'commitment',
    typeCode: 2,
    valueDate: '2026-03-01',
    amount: '150000000',
    currency: 'JPY',
    usd: '1000000.00',
    rate: { rate: '150', date: '2026-01-01', source: 'Central bank' },
    iatiRef: null,
    note: '',
    reportedBy: { id: 'u-ana', name: 'Ana Morales', organizationId: 'org-jp' },
    reportedAt: '2026-03-02T10:00:00.000Z',
    confirmedBy: null,
    confirmedAt: null,
    revision: 1,
    ...overrides,
  };
}

/** A record of Japan to BA1 with one commitment in yen; override any field. */
export function makeRecord(overrides: Partial<CommitmentRecord> = {}): CommitmentRecord {
  return {
    id: 'rec-1',
    donor: { id: 'org-jp', name: { en: 'Japan', es: 'Japón' }, shortName: { en: 'JP', es: 'JP' } },
    program: { id: 'p-ba1', code: 'BA1', titleEn: 'Violence prevention', titleEs: 'Prevención' },
    receiver: null,
    modality: 'financial',
    descriptionEn: 'Support to prevention',
    descriptionEs: 'Apoyo a la prevención',
    sourceUrl: null,
    sourceReference: null,
    conflicting: false,
    alternativeOfId: null,
    iatiIdentifier: null,
    createdBy: { id: 'u-ana', name: 'Ana Morales', organizationId: 'org-jp' },
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    revision: 1,
    transactions: [makeTransaction()],
    figures: {
      pledged: '0.00',
      committed: '1000000.00',
      disbursed: '0.00',
      expended: '0.00',
      funding: '1000000.00',
      withoutRate: 0,
    },
    abilities: {
      read: true,
      edit: true,
      confirm: false,
      denied: { confirm: 'not_receiving_organization' },
    },
    ...overrides,
  };
}
