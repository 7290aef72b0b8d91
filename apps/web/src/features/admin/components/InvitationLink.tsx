import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale';
import type { CreatedInvitation } from '../../../lib/adminApi';
import { formatDateTime } from '../../../lib/intl';
import { useTimeZone } from '../../auth/useTimeZone';

/** Props of InvitationLink. */
export interface InvitationLinkProps {
  /** The invitation just made. */
  invitation: CreatedInvitation;
  /** Whom it is for (the form's email field is cleared once the link is made). */
  email: string;
}

/**
 * The new invitation's link, shown once, with a Copy button (Mesa sends no email). It takes
 * focus when it appears — the next thing to do is copy it — with its text selected.
 */
export function InvitationLink({ invitation, email }: InvitationLinkProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopied('yes');
    } catch {
      // Clipboard access can be blocked by policy; the link stays selectable in the field.
      setCopied('no');
    }
  };
  return (
    <div className="invitation-link">
      <label className="field__label" htmlFor={id}>
        {t('admin.invitations.linkFor', { email })}
      </label>
      <p className="field__hint">
        {t('admin.invitations.linkHint', {
          expires: formatDateTime(invitation.expiresAt, locale, timeZone),
        })}
      </p>
      <div className="field__control">
        <input
          ref={input}
          id={id}
          className="field__input"
          readOnly
          value={invitation.url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('admin.invitations.copy')}
        </button>
      </div>
      <p role="status" className="field__hint">
        {copied === 'yes' ? t('admin.invitations.copied') : null}
        {copied === 'no' ? t('admin.invitations.copyFailed') : null}
      </p>
    </div>
  );
}
