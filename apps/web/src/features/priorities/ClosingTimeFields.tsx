import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField';

/** A wall-clock date and time in the person's zone ("2027-03-01", "09:30"). */
export interface WallTime {
  date: string;
  time: string;
}

/** Props of ClosingTimeFields. */
export interface ClosingTimeFieldsProps {
  /** The fieldset's legend, naming the zone the time is read in. */
  legend: string;
  value: WallTime;
  onChange: (value: WallTime) => void;
  className?: string;
  /** More controls inside the fieldset (a submit button). */
  children?: ReactNode;
}

/** A date and a 24-hour time for a round's closing, read in the person's time zone. */
export function ClosingTimeFields({
  legend,
  value,
  onChange,
  className,
  children,
}: ClosingTimeFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      <TextField
        label={t('priorities.open.date')}
        type="date"
        value={value.date}
        onChange={(e) => onChange({ ...value, date: e.target.value })}
      />
      {/* Text, not type="time": a time input follows the browser's locale (12-hour in en-US),
          and Mesa shows and reads times on the 24-hour clock. */}
      <TextField
        label={t('priorities.open.time')}
        hint={t('priorities.open.timeHint')}
        inputMode="numeric"
        pattern="[0-2][0-9]:[0-5][0-9]"
        maxLength={5}
        autoComplete="off"
        value={value.time}
        onChange={(e) => onChange({ ...value, time: e.target.value })}
      />
      {children}
    </fieldset>
  );
}
