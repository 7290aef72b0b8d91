import { lazy, Suspense } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Organization, Program } from '@mesa/shared';
import { AccessReason } from '../../../components/AccessReason';
import { LoadingState } from '../../../components/LoadingState';
import { portfolioKeys } from '../queryKeys';

// The editor (Tiptap, Yjs) is its own chunk: the portfolio and program facts load without it.
const PlanPanel = lazy(() => import('../../plan/PlanPanel'));

/** Props of PlanSection. */
export interface PlanSectionProps {
  /** The program whose plan is shown. */
  program: Program;
  /** The workspace's organizations (the presence list names the person's own). */
  organizations: Organization[];
}

/** The program's plan area: the live plan, read-only for people who may not edit it. */
export function PlanSection({ program, organizations }: PlanSectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    // data-slot lets tests and print styles find the plan without reading the layout.
    <section className="plan-section" aria-labelledby="plan-heading" data-slot="plan">
      <h2 id="plan-heading">{t('program.plan')}</h2>
      {program.abilities.read ? (
        <Suspense fallback={<LoadingState label={t('plan.loading')} />}>
          <PlanPanel
            program={program}
            organizations={organizations}
            // Access changed: fetch the abilities again so editing follows what the server allows.
            onAccessChanged={() =>
              void queryClient.invalidateQueries({ queryKey: portfolioKeys.program(program.id) })
            }
          />
        </Suspense>
      ) : (
        <p className="muted">
          <AccessReason reason={program.abilities.denied.read} />
        </p>
      )}
    </section>
  );
}
