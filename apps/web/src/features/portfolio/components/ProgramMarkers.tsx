import { useTranslation } from 'react-i18next';
import type { Program } from '@mesa/shared';
import { Badge } from '../../../components/Badge';
import { InferredMarker } from '../../../components/InferredMarker';

/** Props of ProgramMarkers. */
export interface ProgramMarkersProps {
  /** The program whose priority and confidence are shown. */
  program: Pick<Program, 'priority' | 'priorityConfidence' | 'confidence'>;
}

/** The priority badge and "inferred" markers of a program, as a run of badges. */
export function ProgramMarkers({ program }: ProgramMarkersProps) {
  const { t } = useTranslation();
  const priorityInferred = program.priorityConfidence === 'inferred';
  return (
    <>
      {program.priority && !priorityInferred ? (
        <Badge tone="priority">{t('marker.priority')}</Badge>
      ) : null}
      {program.priority && priorityInferred ? (
        <InferredMarker
          tone="priority-inferred"
          label={t('marker.priorityInferred')}
          hint={t('marker.priorityInferredHint')}
        />
      ) : null}
      {!program.priority && priorityInferred ? (
        <InferredMarker label={t('marker.inferred')} hint={t('marker.priorityInferredHint')} />
      ) : null}
      {program.confidence === 'inferred' ? (
        <InferredMarker label={t('marker.inferred')} hint={t('marker.programInferredHint')} />
      ) : null}
    </>
  );
}
