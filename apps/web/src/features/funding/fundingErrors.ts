import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { useErrorText } from '../../hooks/useErrorText';

/**
 * A failed funding write as a sentence that says what to do: a 403 says whose records these
 * are (the server decides; its reply carries no reason, so the sentence is the record policy's),
 * a 400 naming a field says which, anything else the project's usual advice.
 */
export function useFundingErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) => {
    if (error instanceof ApiError && error.status === 403) {
      return `${t('access.reasons.not_own_organization')} ${t('funding.errors.forbiddenNext')}`;
    }
    if (error instanceof ApiError && error.status === 400 && error.field) {
      return `${t('funding.errors.nothingSaved')} ${error.message}`;
    }
    return errorText(error);
  };
}
