import type { TFunction } from 'i18next';
import type { Locale, Notification } from '@mesa/shared';
import { formatAmount } from '../funding/format';

/** The program as a reader names it: its code, else its title in their language. */
function programLabel(program: Notification['program'], locale: Locale): string | null {
  if (!program) return null;
  return program.code ?? (locale === 'es' ? program.titleEs : program.titleEn);
}

/**
 * One notification as a sentence in the reader's language: "Ana Pérez (IDB) mentioned you in
 * the plan of IADB-1". Each kind has its sentence in the catalogues (`notifications.sentence`).
 */
export function describeNotification(n: Notification, t: TFunction, locale: Locale): string {
  const author = n.actor
    ? t('notifications.person', {
        author: n.actor.name,
        organization: n.actor.organizationName[locale],
      })
    : t('notifications.someone');
  if (n.target.type === 'actionItem') {
    const key = n.target.toOrganization ? 'actionItemOrganization' : 'actionItem';
    const title = n.target.meetingTitle[locale] || n.target.meetingTitle.en;
    return t(`notifications.sentence.${key}`, {
      author,
      where: t('notifications.where.meeting', { name: title }),
    });
  }
  if (n.target.type === 'transaction') {
    const { transactionType, amount, currency, cleared } = n.target;
    const program = programLabel(n.program, locale);
    return t(`notifications.sentence.${cleared ? 'confirmationAgain' : 'confirmation'}`, {
      author,
      what: t(`notifications.transaction.${transactionType}`, {
        amount: formatAmount(amount, currency, locale),
      }),
      where:
        program === null
          ? t('notifications.where.strategyWide')
          : t('notifications.where.funding', { program }),
    });
  }
  const program = programLabel(n.program, locale);
  const where =
    program === null
      ? t('notifications.where.unknown')
      : t(`notifications.where.${n.target.subject.kind}`, { program });
  return t(`notifications.sentence.${n.kind}`, { author, where });
}
