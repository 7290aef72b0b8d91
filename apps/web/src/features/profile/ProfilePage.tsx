import { useTranslation } from 'react-i18next';
import './profile.css';
import { Card } from '../../components/Card';
import { LoadingState } from '../../components/LoadingState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useMe } from '../auth/useMe';
import { CalendarFeedSection } from '../meetings/CalendarFeedSection';
import { NotificationPreferencesForm } from '../notifications/NotificationPreferencesForm';
import { PasswordForm } from './components/PasswordForm';
import { ProfileForm } from './components/ProfileForm';
import { SessionList } from './components/SessionList';

/** `/profile`: the person's name, language, time zone, notifications, password and sessions. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('profile.title'));
  if (!me.data) return <LoadingState label={t('profile.loading')} />;
  const { user } = me.data;
  return (
    <div className="page profile-page">
      <header className="page-header">
        <h1>{t('profile.title')}</h1>
        <p className="page-header__lead">{t('profile.lead', { email: user.email })}</p>
      </header>
      <Card labelledBy="profile-details">
        <h2 id="profile-details">{t('profile.detailsHeading')}</h2>
        <ProfileForm user={user} />
      </Card>
      <Card labelledBy="profile-notifications">
        <h2 id="profile-notifications">{t('notifications.preferences.heading')}</h2>
        <p className="muted">{t('notifications.preferences.lead')}</p>
        <NotificationPreferencesForm />
      </Card>
      <Card labelledBy="profile-calendar-feed">
        <h2 id="profile-calendar-feed">{t('meetings.feed.heading')}</h2>
        <p className="muted">{t('meetings.feed.lead')}</p>
        <CalendarFeedSection />
      </Card>
      <Card labelledBy="profile-password">
        <h2 id="profile-password">{t('profile.passwordHeading')}</h2>
        <p className="muted">{t('profile.passwordLead')}</p>
        <PasswordForm />
      </Card>
      <Card labelledBy="profile-sessions">
        <h2 id="profile-sessions">{t('profile.sessionsHeading')}</h2>
        <p className="muted">{t('profile.sessionsLead')}</p>
        <SessionList timeZone={user.timeZone} />
      </Card>
    </div>
  );
}
