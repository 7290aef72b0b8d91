import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { planDocumentName, type Organization, type Program, type User } from '@mesa/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import type { CollabSession, LocalUser } from '../../lib/collab';
import './plan.css';
import { ExportActions } from './ExportActions';
import { CommentsToggle } from './CommentsToggle';
import { PlanCommentsPanel } from './PlanCommentsPanel';
import { PlanEditor } from './PlanEditor';
import { usePlanComments } from './usePlanComments';
import { PlanPresence } from './PlanPresence';
import { ReadOnlyNotice } from './ReadOnlyNotice';
import { PrintHeader } from './PrintHeader';
import { SaveStatus } from './SaveStatus';
import { useLocale } from '../../i18n/useLocale';
import { useMe } from '../auth/useMe';
import { useCollabStatus, usePlanSession } from './usePlanSession';
import { usePresence } from './usePresence';
import { VersionsPanel } from './VersionsPanel';

/** Props of PlanPanel. */
export interface PlanPanelProps {
  /** The program whose plan this is (its abilities decide editing). */
  program: Program;
  /** The workspace's organizations (the presence list names the person's own). */
  organizations: Organization[];
  /** The server said access changed (4409): fetch the program's abilities again. */
  onAccessChanged: () => void;
}

// Until the server's stamp arrives, the local caret uses the brand teal.
const LOCAL_COLOR = '#0b6e6e';

/** The plan of a program, live: loaded on demand with the editor's code (see PlanSection). */
export default function PlanPanel(props: PlanPanelProps) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.error)
    return (
      <ErrorState title={t('plan.loadError')} error={me.error} onRetry={() => void me.refetch()} />
    );
  if (!me.data) return <LoadingState label={t('plan.loading')} />;
  return <PlanLive {...props} me={me.data.user} />;
}

function PlanLive({ program, me, organizations, onAccessChanged }: PlanPanelProps & { me: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const editable = program.abilities.editPlan;
  const user: LocalUser = { id: me.id, name: me.name, color: LOCAL_COLOR };
  const organizationName = organizations.find((o) => o.id === me.organizationId)?.name[locale];
  const session = usePlanSession({
    documentName: planDocumentName(program.id),
    userId: me.id,
    user,
    readOnly: !editable,
    onAccessChanged,
  });
  if (!session) return <LoadingState label={t('plan.loading')} />;
  return (
    <PlanWorkspace
      session={session}
      user={user}
      editable={editable}
      program={program}
      organizationName={organizationName}
      timeZone={me.timeZone}
    />
  );
}

interface WorkspaceProps {
  session: CollabSession;
  user: LocalUser;
  editable: boolean;
  program: Program;
  organizationName?: string;
  timeZone: string;
}

function PlanWorkspace(props: WorkspaceProps) {
  const { session, user, editable, program, organizationName, timeZone } = props;
  const status = useCollabStatus(session);
  const people = usePresence(session);
  const comments = usePlanComments(program.id);
  const root = useRef<HTMLDivElement>(null);
  const stopped = status.kind === 'access-lost' || status.kind === 'signed-out';
  const closeComments = () => {
    comments.close();
    // Back to the text (a read-only one takes the focus too); else to the button that reopens.
    const target =
      root.current?.querySelector<HTMLElement>('.plan-doc[contenteditable="true"]') ??
      root.current?.querySelector<HTMLElement>('.plan__comments-toggle');
    target?.focus();
  };
  return (
    <div className="plan" data-status={status.kind} ref={root}>
      <PrintHeader program={program} session={session} timeZone={timeZone} />
      <div className="plan__bar">
        <SaveStatus status={status} onRetry={() => session.retry()} />
        <CommentsToggle comments={comments} />
        <ExportActions programId={program.id} />
      </div>
      {!editable ? <ReadOnlyNotice reason={program.abilities.denied.editPlan} /> : null}
      <div className={`plan__body${comments.open ? ' plan__body--comments' : ''}`}>
        {stopped ? null : (
          <PlanEditor
            session={session}
            user={user}
            editable={editable}
            comments={{
              canComment: program.abilities.comment,
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
            denied={program.abilities.denied.comment}
            onClose={closeComments}
          />
        ) : null}
        <aside className="plan__side">
          <PlanPresence people={people} ownOrganization={organizationName} />
        </aside>
      </div>
      {stopped ? null : (
        <VersionsPanel programId={program.id} canEdit={editable} timeZone={timeZone} />
      )}
    </div>
  );
}
