import { useEffect, useRef, useState } from 'react';

/**
 * Moves focus after a failed submit: to the first field marked invalid, else to the form's
 * alert. Call `failed()` whenever a submit fails; focus moves once the errors have rendered.
 */
export function useFormFocus() {
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures === 0) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (field ?? alertRef.current)?.focus();
  }, [failures]);
  return { formRef, alertRef, failed: () => setFailures((count) => count + 1) };
}
