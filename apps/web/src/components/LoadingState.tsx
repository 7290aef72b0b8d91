/** Props of LoadingState. */
export interface LoadingStateProps {
  /** What is loading, read out by screen readers and shown beside the spinner. */
  label: string;
}

/** A polite live region with a spinner, so every user knows something is on its way. */
export function LoadingState({ label }: LoadingStateProps) {
  return (
    <div className="loading-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
