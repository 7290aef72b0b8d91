import { useTranslation } from 'react-i18next';
import type { Program } from '@mesa/shared';
import { Badge } from '../../../components/Badge';
import { InferredMarker } from '../../../components/InferredMarker';

type PriorityFields = Pick<Program, 'priority' | 'priorityConfidence'>;

function priorityText(program: PriorityFields) {
  if (program.priority) return 'program.priorityYes' as const;
  // "Not documented" is not "not a priority": the eighth priority program is still unidentified.
  if (program.priorityConfidence === 'not_documented')
    return 'program.priorityNotDocumented' as const;
  return 'program.priorityNo' as const;
}

/** A program's priority as a sentence, marked and explained when it is only inferred. */
export function PriorityFact({ program }: { program: PriorityFields }) {
  const { t } = useTranslation();
  const inferred = program.priorityConfidence === 'inferred';
  return (
    <div className="priority-fact">
      {program.priority ? (
        <Badge tone={inferred ? 'priority-inferred' : 'priority'}>{t(priorityText(program))}</Badge>
      ) : (
        <span>{t(priorityText(program))}</span>
      )}
      {inferred ? (
        <>
          <InferredMarker label={t('marker.inferred')} hint={t('marker.priorityInferredHint')} />
          <p className="fact-note" aria-hidden="true">
            {t('marker.priorityInferredHint')}
          </p>
        </>
      ) : null}
    </div>
  );
}
