import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, User } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import type { LocalUser } from '../../lib/collab';
import { useMe } from '../auth/useMe';
import { CommentsToggle } from '../plan/CommentsToggle';
import { PlanCommentsPanel } from '../plan/PlanCommentsPanel';
import { PlanEditor } from '../plan/PlanEditor';
import { PlanPresence } from '../plan/PlanPresence';
import { SaveStatus } from '../plan/SaveStatus';
import { useDocumentComments } from '../plan/usePlanComments';
import { useCollabStatus, usePlanSession } from '../plan/usePlanSession';
import { usePresence } from '../plan/usePresence';
import '../plan/plan.css';
import './minutes.css';

/** Props of MinutesPanel. */
export interface MinutesPanelProps {
  meeting: Meeting;
  /** The server said access changed (4409, e.g. the record was published): refetch the meeting. */
  onAccessChanged: () => void;
}

// Until the server's stamp arrives, the local caret uses the brand teal.
const LOCAL_COLOR = '#0b6e6e';

/**
 * A meeting's minutes, live (loaded on demand with the editor's code): the plan's editor bound
 * to `minutes:<id>` — editable for the chair, co-chairs and rapporteurs while the minutes are
 * open, followed read-only by everyone else — with its "Saved" status, who is in the text, and
 * comments anchored in passages during the meeting and the amendment window.
 */
export default function MinutesPanel(props: MinutesPanelProps) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.error)
    return (
      <ErrorState
        title={t('minutes.loadError')}
        error={me.error}
        onRetry={() => void me.refetch()}
      />
    );
  if (!me.data) return <LoadingState label={t('minutes.loading')} />;
  return <MinutesLive {...props} me={me.data.user} />;
}

function MinutesLive({ meeting, me, onAccessChanged }: MinutesPanelProps & { me: User }) {
  const { t } = useTranslation();
  const editable = meeting.abilities.editMinutes;
  const user: LocalUser = { id: me.id, name: me.name, color: LOCAL_COLOR };
  const documentName = `minutes:${meeting.id}`;
  const session = usePlanSession({
    documentName,
    userId: me.id,
    user,
    readOnly: !editable,
    onAccessChanged,
  });
  const comments = useDocumentComments(documentName);
  const root = useRef<HTMLDivElement>(null);
  if (!session) return <LoadingState label={t('minutes.loading')} />;
  return (
    <MinutesWorkspace
      meeting={meeting}
      session={session}
      user={user}
      editable={editable}
      comments={comments}
      root={root}
    />
  );
}

function MinutesWorkspace(props: {
  meeting: Meeting;
  session: NonNullable<ReturnType<typeof usePlanSession>>;
  user: LocalUser;
  editable: boolean;
  comments: ReturnType<typeof useDocumentComments>;
  root: React.RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const { meeting, session, user, editable, comments, root } = props;
  const status = useCollabStatus(session);
  const people = usePresence(session);
  const stopped = status.kind === 'access-lost' || status.kind === 'signed-out';
  const closeComments = () => {
    comments.close();
    const target =
      root.current?.querySelector<HTMLElement>('.plan-doc[contenteditable="true"]') ??
      root.current?.querySelector<HTMLElement>('.plan__comments-toggle');
    target?.focus();
  };
  return (
    <div className="plan minutes" data-status={status.kind} ref={root}>
      <div className="plan__bar">
        <SaveStatus status={status} onRetry={() => session.retry()} />
        <CommentsToggle comments={comments} />
      </div>
      {!editable ? <p className="minutes__readonly muted">{t('minutes.readOnly')}</p> : null}
      <div className={`plan__body${comments.open ? ' plan__body--comments' : ''}`}>
        {stopped ? null : (
          <PlanEditor
            session={session}
            user={user}
            editable={editable}
            label={t('minutes.editorLabel')}
            comments={{
              canComment: meeting.abilities.commentMinutes,
              anchors: comments.anchors,
              activeId: comments.selectedId,
              onComment: comments.startComment,
              onOpen: (id) => comments.select(id),
            }}
          />
        )}
        {comments.open && !stopped ? (
          <PlanCommentsPanel
            comments={comments}
            status={status}
            denied={meeting.abilities.denied.commentMinutes}
            onClose={closeComments}
          />
        ) : null}
        <aside className="plan__side">
          <PlanPresence
            people={people}
            labels={{ title: t('minutes.presenceTitle'), empty: t('minutes.presenceEmpty') }}
          />
        </aside>
      </div>
    </div>
  );
}
