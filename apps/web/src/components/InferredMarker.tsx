import { Badge, type BadgeTone } from './Badge';
import { VisuallyHidden } from './VisuallyHidden';

/** Props of InferredMarker. */
export interface InferredMarkerProps {
  /** Visible label, e.g. "Inferred". */
  label: string;
  /** Why the fact is marked, read by screen readers and shown on hover. */
  hint: string;
  /** Badge tone; an inferred priority keeps the priority colour with a dashed border. */
  tone?: Extract<BadgeTone, 'inferred' | 'priority-inferred'>;
}

/** Marks a fact deduced from reports rather than stated by a source, and says so to every user. */
export function InferredMarker({ label, hint, tone = 'inferred' }: InferredMarkerProps) {
  return (
    <Badge tone={tone} hint={hint}>
      {label}
      <VisuallyHidden>{` (${hint})`}</VisuallyHidden>
    </Badge>
  );
}
