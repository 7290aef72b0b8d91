import { describe, expect, it } from 'vitest';
import type { Notification } from '@mesa/shared';
import { createI18n } from '../../i18n/i18n';
import { describeNotification } from './describeNotification';

function assigned(toOrganization: boolean): Notification {
  return {
    id: 'n1',
    kind: 'actionItem',
    actor: { id: 'ana', name: 'Ana Pérez', organizationName: { en: 'IDB', es: 'BID' } },
    program: null,
    target: {
      type: 'actionItem',
      meetingId: 'm1',
      actionItemId: 'a1',
      programId: null,
      meetingTitle: { en: 'Border coordination', es: 'Coordinación fronteriza' },
      toOrganization,
    },
    excerpt: 'Send the budget',
    createdAt: '2026-12-06T10:00:00.000Z',
    readAt: null,
  };
}

describe('describeNotification for action items', () => {
  it('says whether the item was assigned to the reader or their organization, naming the meeting in their language', () => {
    const en = createI18n('en');
    const es = createI18n('es');
    expect(describeNotification(assigned(false), en.t, 'en')).toBe(
      'Ana Pérez (IDB) assigned an action item to you in the meeting “Border coordination”',
    );
    expect(describeNotification(assigned(true), en.t, 'en')).toBe(
      'Ana Pérez (IDB) assigned an action item to your organization in the meeting “Border coordination”',
    );
    expect(describeNotification(assigned(true), es.t, 'es')).toBe(
      'Ana Pérez (BID) asignó una tarea a su organización en la reunión «Coordinación fronteriza»',
    );
  });
});

function toConfirm(cleared: boolean, program: Notification['program']): Notification {
  return {
    id: 'n2',
    kind: 'confirmation',
    actor: { id: 'ana', name: 'Ana Pérez', organizationName: { en: 'IDB', es: 'BID' } },
    program,
    target: {
      type: 'transaction',
      recordId: 'r1',
      transactionId: 't1',
      programId: program?.id ?? null,
      transactionType: 'disbursement',
      amount: '1250000.50',
      currency: 'EUR',
      cleared,
    },
    excerpt: null,
    createdAt: '2026-12-06T10:00:00.000Z',
    readAt: null,
  };
}

describe('describeNotification for transactions to confirm', () => {
  it('names the transaction, its exact amount in its currency and the program, or asks again after a change', () => {
    const en = createI18n('en');
    const es = createI18n('es');
    const program = { id: 'p1', code: 'BB1', titleEn: 'Prevention', titleEs: 'Prevención' };
    expect(describeNotification(toConfirm(false, program), en.t, 'en')).toBe(
      'Ana Pérez (IDB) recorded a disbursement of €1,250,000.50 for your organization to confirm, in the funding of BB1',
    );
    expect(describeNotification(toConfirm(true, null), en.t, 'en')).toBe(
      'Ana Pérez (IDB) changed a disbursement of €1,250,000.50 your organization had confirmed; confirm it again, in the strategy-wide funding',
    );
    expect(describeNotification(toConfirm(false, program), es.t, 'es')).toBe(
      'Ana Pérez (BID) registró un desembolso de 1.250.000,50\u00a0€ pendiente de confirmación por su organización, en el financiamiento de BB1',
    );
  });
});
