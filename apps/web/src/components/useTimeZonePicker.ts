import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalTimeZone, UTC_ZONE } from '@mesa/shared';
import { useCombobox } from '../hooks/useCombobox';
import { useTimeZoneGroups } from '../hooks/useTimeZoneGroups';
import { useLocale } from '../i18n/useLocale';
import { filterTimeZoneGroups } from '../lib/timeZoneSearch';
import { describeTimeZone, timeZoneLabel, type TimeZoneGroup } from '../lib/timeZones';

/** An empty result, stable between renders. */
export const NO_GROUPS: TimeZoneGroup[] = [];

function optionIdMap(groups: readonly TimeZoneGroup[], listId: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const choice of groups.flatMap((group) => group.choices)) {
    ids.set(choice.id, `${listId}-option-${ids.size}`);
  }
  return ids;
}

/**
 * TimeZonePicker's state: the chosen zone (controlled through `value`, or its own from
 * `defaultValue`, old spellings renamed), the combobox over the grouped zones, option ids,
 * the chosen zone's text and what the status line says.
 */
export function useTimeZonePicker(props: {
  value?: string;
  defaultValue?: string;
  onChange?: (zone: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const listId = useId();
  const [own, setOwn] = useState(() => {
    const initial = props.defaultValue ?? UTC_ZONE;
    return canonicalTimeZone(initial) ?? initial;
  });
  const zone = props.value ?? own;
  const [wanted, setWanted] = useState(false);
  const groups = useTimeZoneGroups(locale, zone, wanted) ?? NO_GROUPS;
  const search = useCallback((query: string) => filterTimeZoneGroups(groups, query), [groups]);
  const box = useCombobox({
    value: zone,
    search,
    valuesOf: (results) => results.flatMap((group) => group.choices.map((choice) => choice.id)),
    onChoose: (chosen) => {
      setOwn(chosen);
      props.onChange?.(chosen);
    },
  });
  const optionIds = useMemo(() => optionIdMap(box.results, listId), [box.results, listId]);
  const text = useMemo(
    () => timeZoneLabel(describeTimeZone(zone, locale, new Date())),
    [zone, locale],
  );
  const count = box.results.reduce((sum, group) => sum + group.choices.length, 0);
  let status = '';
  if (box.open && box.query !== null) {
    status =
      count === 0
        ? t('timeZonePicker.noMatch', { query: box.query })
        : t('timeZonePicker.matches', { count });
  }
  return {
    box,
    zone,
    listId,
    /** The field's text: what was typed, or the chosen zone's "UTC−06:00 Guatemala". */
    text: box.query ?? text,
    /** What the polite status line says (how many zones match), '' when not searching. */
    status,
    /** Whether the open popup has no result to show. */
    empty: box.open && count === 0,
    optionId: (id: string) => optionIds.get(id) ?? `${listId}-none`,
    /** The list is needed now: build it if the idle time has not come yet. */
    want: () => setWanted(true),
  };
}
