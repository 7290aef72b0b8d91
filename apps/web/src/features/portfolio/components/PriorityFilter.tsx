import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of PriorityFilter. */
export interface PriorityFilterProps {
  /** Whether only priority programs are shown. */
  checked: boolean;
  /** Called with the new value when the box is toggled. */
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox that narrows the portfolio to priority programs. */
export function PriorityFilter({ checked, onChange }: PriorityFilterProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{t('portfolio.priorityOnly')}</label>
    </div>
  );
}
