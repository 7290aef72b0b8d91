import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { planDocumentName, type Program, type ThreadSubject } from '@mesa/shared';
import { Card } from '../../../components/Card';
import { ThreadDiscussion } from '../../threads/ThreadDiscussion';
import { useOpenThreadCount } from '../../threads/useThreads';

/** Link to the plan's comments panel, with how many of its threads are open. */
function PlanCommentsLink({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const subject = useMemo<ThreadSubject>(
    () => ({ kind: 'document', documentName: planDocumentName(programId) }),
    [programId],
  );
  const open = useOpenThreadCount(subject);
  if (open.data === undefined) return null;
  return (
    <p className="program-discussion__plan">
      <Link to={{ search: '?comments=' }} preventScrollReset>
        {t('program.planComments', { count: open.data })}
      </Link>
    </p>
  );
}

/** The program's own discussion (threads on the program), for everyone who may read it. */
export function ProgramDiscussion({ program }: { program: Program }) {
  const { t } = useTranslation();
  const subject = useMemo<ThreadSubject>(
    () => ({ kind: 'program', programId: program.id }),
    [program.id],
  );
  // `?discussion=<threadId>` (a notification's link) opens that thread here, in view.
  const [params] = useSearchParams();
  const linked = params.get('discussion');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!linked) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [linked]);
  if (!program.abilities.read) return null;
  return (
    <Card labelledBy="discussion-heading" className="program-discussion">
      <h2 id="discussion-heading" ref={heading} tabIndex={-1}>
        {t('program.discussion')}
      </h2>
      <PlanCommentsLink programId={program.id} />
      <ThreadDiscussion
        key={linked ?? ''}
        subject={subject}
        denied={program.abilities.denied.comment}
        initialThreadId={linked}
      />
    </Card>
  );
}
