import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRoom } from './useMeetingRoom';
import { roomActionKey, type RoomAction } from './roomCommands';

/** Props of RoomButton. */
export interface RoomButtonProps {
  room: MeetingRoom;
  /** The command the button sends. */
  action: RoomAction;
  /** Visible text. */
  children: ReactNode;
  /** An accessible name when the visible text is short ("Up" → "Move Ana up"). */
  label?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  small?: boolean;
  /** For a toggle among choices: whether this one is the current choice. */
  pressed?: boolean;
  /** Called after the server applied it. */
  onDone?: () => void;
}

/**
 * A button that sends one room command and stays busy until its ack: it keeps focus (no
 * `disabled`, which would drop it) and says "Sending…" while the command is on its way.
 */
export function RoomButton(props: RoomButtonProps) {
  const { room, action, children, label, variant, small, pressed, onDone } = props;
  const { t } = useTranslation();
  const busy = room.isPending(roomActionKey(action));
  const classes = ['button'];
  if (variant === 'secondary') classes.push('button--secondary');
  if (variant === 'danger') classes.push('button--danger');
  if (small) classes.push('button--small');
  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-label={label}
      aria-pressed={pressed}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={() => {
        if (busy) return;
        void room.send(action).then((applied) => {
          if (applied) onDone?.();
        });
      }}
    >
      {children}
      {busy ? <span className="room-button__busy"> {t('meetingRoom.sending')}</span> : null}
    </button>
  );
}
