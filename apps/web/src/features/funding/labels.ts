import type { TFunction } from 'i18next';
import type {
  CommitmentRecord,
  FundingOrganization,
  Locale,
  Modality,
  TransactionType,
} from '@mesa/shared';
import { codedTitle } from '../portfolio/localizedTitle';

/** A transaction type in words. */
export function typeLabel(t: TFunction, type: TransactionType): string {
  return t(`funding.types.${type}`);
}

/** A modality in words. */
export function modalityLabel(t: TFunction, modality: Modality): string {
  return t(`funding.modalities.${modality}`);
}

/** An organization's name in the reader's language. */
export function organizationName(org: FundingOrganization, locale: Locale): string {
  return org.name[locale] || org.name.en;
}

/** The program a record is for, or "Strategy-wide". */
export function scopeLabel(t: TFunction, record: CommitmentRecord, locale: Locale): string {
  if (!record.program) return t('funding.record.strategyWide');
  return codedTitle(record.program, locale);
}

/** A record's name: its donor, and its description when it has one. */
export function recordTitle(record: CommitmentRecord, locale: Locale): string {
  const description =
    locale === 'es'
      ? record.descriptionEs || record.descriptionEn
      : record.descriptionEn || record.descriptionEs;
  const donor = organizationName(record.donor, locale);
  return description ? `${donor}: ${description}` : donor;
}
