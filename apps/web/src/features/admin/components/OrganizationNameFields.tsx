import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  ErrorCodes,
  Limits,
  type Locale,
  type LocalizedText,
  type Organization,
} from '@mesa/shared';
import { TextField } from '../../../components/TextField';
import { ApiError } from '../../../lib/api';
import { formText } from '../../../lib/formData';

/** The form fields of an organization's names, one per language. */
export type NameField = 'nameEn' | 'nameEs' | 'shortNameEn' | 'shortNameEs';

/** An organization's names as the API takes them. */
export interface OrganizationNamesInput {
  name: LocalizedText;
  shortName: LocalizedText;
}

type NameErrors = Partial<Record<NameField, string>>;

/**
 * Reads the four names; each is required. A person reads every organization in the language
 * they use Mesa in, so a missing Spanish name is not filled in with the English one.
 */
export function readOrganizationNames(data: FormData, t: TFunction) {
  const read = (field: NameField) => formText(data, field).trim();
  const values: OrganizationNamesInput = {
    name: { en: read('nameEn'), es: read('nameEs') },
    shortName: { en: read('shortNameEn'), es: read('shortNameEs') },
  };
  const errors: NameErrors = {
    nameEn: values.name.en ? undefined : t('admin.orgs.nameEnRequired'),
    nameEs: values.name.es ? undefined : t('admin.orgs.nameEsRequired'),
    shortNameEn: values.shortName.en ? undefined : t('admin.orgs.shortNameEnRequired'),
    shortNameEs: values.shortName.es ? undefined : t('admin.orgs.shortNameEsRequired'),
  };
  return { values, errors };
}

/** A name another organization has (409 on `name.en` or `name.es`), as that field's error. */
export function nameTakenError(error: unknown, t: TFunction): NameErrors {
  if (!(error instanceof ApiError) || error.code !== ErrorCodes.conflict) return {};
  if (error.field === 'name.en') return { nameEn: t('admin.orgs.nameTaken') };
  if (error.field === 'name.es') return { nameEs: t('admin.orgs.nameTaken') };
  return {};
}

/** Props of OrganizationNameFields. */
export interface OrganizationNameFieldsProps {
  /** The organization renamed; empty fields for a new one. */
  organization?: Organization;
  /** What is wrong with each field. */
  errors: NameErrors;
  /** Focus the first field when shown (an inline rename form). */
  autoFocus?: boolean;
}

// In reading order: full and short name in English, then in Spanish.
const FIELDS: readonly { field: NameField; locale: Locale; of: 'name' | 'shortName' }[] = [
  { field: 'nameEn', locale: 'en', of: 'name' },
  { field: 'shortNameEn', locale: 'en', of: 'shortName' },
  { field: 'nameEs', locale: 'es', of: 'name' },
  { field: 'shortNameEs', locale: 'es', of: 'shortName' },
];

/** Full and short name in English, then in Spanish, each input marked with its language. */
export function OrganizationNameFields(props: OrganizationNameFieldsProps) {
  const { organization, errors, autoFocus } = props;
  const { t } = useTranslation();
  return FIELDS.map(({ field, locale, of }) => (
    <TextField
      key={field}
      label={t(`admin.orgs.${field}`)}
      name={field}
      lang={locale}
      required
      maxLength={of === 'name' ? Limits.nameMaxLength : Limits.shortNameMaxLength}
      defaultValue={organization?.[of][locale]}
      autoFocus={autoFocus && field === 'nameEn'}
      error={errors[field]}
    />
  ));
}
