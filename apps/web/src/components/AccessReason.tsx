import { useTranslation } from 'react-i18next';
import type { DenialReason } from '@mesa/shared';

/** Props of AccessReason. */
export interface AccessReasonProps {
  /** The reason code the server sent with the abilities (`abilities.denied.<action>`). */
  reason: DenialReason | undefined;
}

/**
 * Says why the policy refuses something, in the reader's language. The reason comes from the
 * server's one policy, never from the role or relation re-read here; without one, nothing.
 */
export function AccessReason({ reason }: AccessReasonProps) {
  const { t } = useTranslation();
  if (!reason) return null;
  return <>{t(`access.reasons.${reason}`)}</>;
}
