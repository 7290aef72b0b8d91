import { useTranslation } from 'react-i18next';
import type { DenialReason } from '@mesa/shared';
import { AccessReason } from '../../components/AccessReason';

/** Props of ReadOnlyNotice. */
export interface ReadOnlyNoticeProps {
  /** Why the server refuses this person editing the plan (`abilities.denied.editPlan`). */
  reason: DenialReason | undefined;
}

/** Above a plan the person may read but not edit: what they can do, and the actual reason. */
export function ReadOnlyNotice({ reason }: ReadOnlyNoticeProps) {
  const { t } = useTranslation();
  return (
    <p className="plan__notice">
      {t('plan.readOnlyNotice')} <AccessReason reason={reason} />
    </p>
  );
}
