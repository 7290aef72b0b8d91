import type { ComponentId } from '@mesa/shared';

/** The component's letter as a tile; decorative, because the text beside it names the component. */
export function ComponentLetter({ id }: { id: ComponentId }) {
  return (
    <span className={`component-letter component-letter--${id.toLowerCase()}`} aria-hidden="true">
      {id}
    </span>
  );
}
