import { useTranslation } from 'react-i18next';
import type { RoomNotice } from './useMeetingRoom';

const KNOWN_ERRORS = [
  'forbidden',
  'not_found',
  'conflict',
  'validation_failed',
  'too_many_requests',
  'service_unavailable',
] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];
const isKnown = (code: string): code is KnownError =>
  (KNOWN_ERRORS as readonly string[]).includes(code);

/** Props of RoomNoticeBanner. */
export interface RoomNoticeBannerProps {
  notice: RoomNotice | null;
  onDismiss: () => void;
}

/** Says plainly what became of the person's last command, and what to do next. */
export function RoomNoticeBanner({ notice, onDismiss }: RoomNoticeBannerProps) {
  const { t } = useTranslation();
  if (!notice) return null;
  let text: string;
  if (notice.kind === 'conflict') text = t('meetingRoom.notice.conflict');
  else if (isKnown(notice.code)) text = t(`meetingRoom.notice.errors.${notice.code}`);
  else text = t('meetingRoom.notice.errors.other');
  return (
    <div className={`room-notice room-notice--${notice.kind}`} role="alert">
      <p>{text}</p>
      <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
        {t('meetingRoom.notice.dismiss')}
      </button>
    </div>
  );
}
