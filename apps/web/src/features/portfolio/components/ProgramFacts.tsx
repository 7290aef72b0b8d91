import { useTranslation } from 'react-i18next';
import type { Component, Organization, Program } from '@mesa/shared';
import { NotRecorded } from '../../../components/NotRecorded';
import { useLocale } from '../../../i18n/useLocale';
import { formatCountries, formatMoney } from '../../../lib/intl';
import { localizedTitle } from '../localizedTitle';
import { FactRow } from './FactRow';
import { LeadOrganizations } from './LeadOrganizations';
import { PriorityFact } from './PriorityFact';

/** Props of ProgramFacts. */
export interface ProgramFactsProps {
  /** The program described. */
  program: Program;
  /** Its component, when known. */
  component: Component | undefined;
  /** Every organization, to name the leads. */
  organizations: readonly Organization[];
}

function ComponentName({ component }: { component: Component | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!component) return <NotRecorded />;
  const label = t('portfolio.componentLabel', { id: component.id });
  return <span>{`${label} · ${localizedTitle(component, locale)}`}</span>;
}

function Countries({ codes }: { codes: readonly string[] }) {
  const locale = useLocale();
  if (codes.length === 0) return <NotRecorded />;
  const names = formatCountries(codes, locale);
  return (
    <ul className="inline-list">
      {codes.map((code, index) => (
        <li key={code}>{names[index]}</li>
      ))}
    </ul>
  );
}

/** The recorded facts of a program; each missing one reads "Not recorded". */
export function ProgramFacts({ program, component, organizations }: ProgramFactsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { status, estimatedCost } = program;
  return (
    <dl className="facts">
      <FactRow label={t('program.code')}>{program.code ?? <NotRecorded />}</FactRow>
      <FactRow label={t('program.component')}>
        <ComponentName component={component} />
      </FactRow>
      <FactRow label={t('program.priority')}>
        <PriorityFact program={program} />
      </FactRow>
      <FactRow label={t('program.status')}>
        {status ? t(`program.statusValues.${status}`) : <NotRecorded />}
      </FactRow>
      <FactRow
        label={t('program.lead', { count: Math.max(1, program.leadOrganizationIds.length) })}
      >
        <LeadOrganizations program={program} organizations={organizations} />
      </FactRow>
      <FactRow label={t('program.countries')}>
        <Countries codes={program.countries} />
      </FactRow>
      <FactRow label={t('program.cost')}>
        {estimatedCost ? formatMoney(estimatedCost, locale) : <NotRecorded />}
      </FactRow>
    </dl>
  );
}
