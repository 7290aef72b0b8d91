import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NotificationKinds, type NotificationPreferences } from '@mesa/shared';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/LoadingState';
import { useErrorText } from '../../hooks/useErrorText';
import {
  fetchNotificationPreferences,
  saveNotificationPreferences,
} from '../../lib/notificationsApi';
import { notificationKeys } from './queryKeys';

/**
 * The profile's notification choices: one checkbox per kind (every kind on until turned off).
 * "Saved" shows only once the server has answered.
 */
export function NotificationPreferencesForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => fetchNotificationPreferences(signal),
  });
  const [draft, setDraft] = useState<Partial<NotificationPreferences>>({});
  const save = useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: (saved) => {
      client.setQueryData(notificationKeys.preferences, saved);
      setDraft({});
    },
  });
  if (!query.data) return <LoadingState label={t('notifications.preferences.loading')} />;
  const values = { ...query.data, ...draft };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormAlert message={save.isError ? errorText(save.error) : undefined} />
      <FormAlert
        tone="success"
        message={save.isSuccess ? t('notifications.preferences.saved') : undefined}
      />
      <fieldset className="notification-preferences">
        <legend>{t('notifications.preferences.legend')}</legend>
        {NotificationKinds.map((kind) => (
          <div key={kind} className="checkbox-field">
            <input
              id={`notify-${kind}`}
              type="checkbox"
              name={kind}
              checked={values[kind]}
              onChange={(event) => {
                save.reset();
                setDraft((d) => ({ ...d, [kind]: event.target.checked }));
              }}
            />
            <label htmlFor={`notify-${kind}`}>{t(`notifications.preferences.${kind}`)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('notifications.preferences.save')}
      </button>
    </form>
  );
}
