import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modalities, type Component, type FundingFilters } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { filtersFromParams } from '../../lib/fundingDashboardApi';

/** A donor to filter by. */
export interface DonorOption {
  id: string;
  name: string;
}

/**
 * The dashboard's filters as a form: applying it writes them into the page's URL (a view can
 * be shared; back and forward move between views). Keyed by the URL, so it shows what is applied.
 */
export function FundingFiltersForm({
  filters,
  components,
  donors,
  onApply,
}: {
  filters: FundingFilters;
  components: readonly Component[];
  donors: readonly DonorOption[];
  onApply: (filters: FundingFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const [key, value] of data.entries()) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      params.set(key, key === 'currency' ? value.trim().toUpperCase() : value.trim());
    }
    onApply(filtersFromParams(params));
  };
  const active = Object.keys(filters).length > 0;
  return (
    <form className="funding-filters" onSubmit={submit} aria-labelledby="funding-filters-title">
      <h2 id="funding-filters-title" className="funding-filters__title">
        {t('fundingDashboard.filters.title')}
      </h2>
      <div className="funding-filters__fields">
        <label className="field">
          <span className="field__label">{t('fundingDashboard.filters.component')}</span>
          <select
            name="componentId"
            className="field__input field__select"
            defaultValue={filters.componentId ?? ''}
          >
            <option value="">{t('fundingDashboard.filters.any')}</option>
            {components.map((c) => (
              <option key={c.id} value={c.id}>
                {`${c.id} · ${locale === 'es' ? c.titleEs : c.titleEn}`}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('fundingDashboard.filters.priority')}</span>
          <select
            name="priority"
            className="field__input field__select"
            defaultValue={filters.priority ?? ''}
          >
            <option value="">{t('fundingDashboard.filters.allPrograms')}</option>
            <option value="true">{t('fundingDashboard.filters.priorityOnly')}</option>
            <option value="false">{t('fundingDashboard.filters.otherOnly')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('fundingDashboard.filters.donor')}</span>
          <select
            name="donorOrganizationId"
            className="field__input field__select"
            defaultValue={filters.donorOrganizationId ?? ''}
          >
            <option value="">{t('fundingDashboard.filters.any')}</option>
            {donors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('fundingDashboard.filters.modality')}</span>
          <select
            name="modality"
            className="field__input field__select"
            defaultValue={filters.modality ?? ''}
          >
            <option value="">{t('fundingDashboard.filters.any')}</option>
            {Modalities.map((m) => (
              <option key={m} value={m}>
                {t(`fundingDashboard.modality.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('fundingDashboard.filters.currency')}</span>
          <input
            name="currency"
            className="field__input"
            defaultValue={filters.currency ?? ''}
            pattern="[A-Za-z]{3}"
            maxLength={3}
            size={5}
            autoComplete="off"
            aria-describedby="funding-currency-hint"
          />
          <span id="funding-currency-hint" className="field__hint">
            {t('fundingDashboard.filters.currencyHint')}
          </span>
        </label>
        {(['fromYear', 'toYear'] as const).map((name) => (
          <label key={name} className="field">
            <span className="field__label">{t(`fundingDashboard.filters.${name}`)}</span>
            <input
              name={name}
              type="number"
              min={1990}
              max={2100}
              className="field__input"
              defaultValue={filters[name] ?? ''}
            />
          </label>
        ))}
      </div>
      <div className="funding-filters__actions">
        <button type="submit" className="button">
          {t('fundingDashboard.filters.apply')}
        </button>
        {active ? (
          <button type="button" className="button button--secondary" onClick={() => onApply({})}>
            {t('fundingDashboard.filters.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
