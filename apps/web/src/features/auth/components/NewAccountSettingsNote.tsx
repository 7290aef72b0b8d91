import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale';
import { describeTimeZone, timeZoneLabel } from '../../../lib/timeZones';
import { newAccountSettings } from '../newAccountSettings';

/** Tells the person, before they create their account, the language and zone it will have. */
export function NewAccountSettingsNote() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { timeZone } = newAccountSettings(locale);
  const zone = timeZoneLabel(describeTimeZone(timeZone, locale, new Date()));
  return (
    <p className="field__hint">
      {t('auth.newAccountSettings', { language: t(`language.${locale}`), zone })}
    </p>
  );
}
