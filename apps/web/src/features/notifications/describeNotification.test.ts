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
