import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './presence.css';
import { PresenceList } from './PresenceList';
import { countOnline, usePresence } from './usePresence';

function useDismissOnOutside(open: boolean, close: () => void) {
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, close]);
  return rootRef;
}

/** Props of OnlineNow. */
export interface OnlineNowProps {
  /** The signed-in person, marked as "you" in the list. */
  selfId: string | undefined;
}

/**
 * "Online now" in the header: a button with the number of people online that discloses who
 * they are, grouped by organization. Escape or a click elsewhere closes it; Escape returns focus
 * to the button.
 */
export function OnlineNow({ selfId }: OnlineNowProps) {
  const { t } = useTranslation();
  const presence = usePresence();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const rootRef = useDismissOnOutside(open, close);
  const count = presence.data ? countOnline(presence.data) : null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="online-now" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="online-now__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('live.onlineNow')}
        <span className="online-now__count">{count ?? '–'}</span>
      </button>
      <div id={panelId} className="online-now__panel" hidden={!open}>
        <p id={titleId} className="online-now__title">
          {t('live.onlineListLabel')}
        </p>
        {presence.data ? (
          <PresenceList presence={presence.data} selfId={selfId} labelledBy={titleId} />
        ) : (
          <p className="presence-list__empty">{t('live.onlineLoading')}</p>
        )}
      </div>
    </div>
  );
}
