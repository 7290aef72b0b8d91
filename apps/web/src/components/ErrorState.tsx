import { useTranslation } from 'react-i18next';
import { errorMessageKey } from './errorMessageKey';

/** Props of ErrorState. */
export interface ErrorStateProps {
  /** What failed, e.g. "The portfolio could not be loaded". */
  title: string;
  /** The error thrown; its code chooses the advice shown. */
  error: unknown;
  /** Tries the failed work again; omitted when retrying cannot help. */
  onRetry?: () => void;
  /** Heading level, 1 when the error stands for the whole page. */
  level?: 1 | 2;
}

/** Says what failed and what to do next, with a retry button. */
export function ErrorState({ title, error, onRetry, level = 2 }: ErrorStateProps) {
  const { t } = useTranslation();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="error-state" role="alert">
      <Heading className="error-state__title">{title}</Heading>
      <p>{t(errorMessageKey(error))}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
