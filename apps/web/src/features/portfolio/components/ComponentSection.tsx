import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { useLocale } from '../../../i18n/useLocale';
import type { ComponentGroup } from '../groupPrograms';
import { localizedTitle } from '../localizedTitle';
import { ComponentLetter } from './ComponentLetter';
import { ProgramListItem } from './ProgramListItem';

/** Props of ComponentSection. */
export interface ComponentSectionProps {
  /** The component and the programs to list under it. */
  group: ComponentGroup;
  /** Whether only priority programs are listed, which changes the count and empty texts. */
  priorityOnly: boolean;
}

/** A component of the strategy as a card listing its recorded programs. */
export function ComponentSection({ group, priorityOnly }: ComponentSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { component, programs } = group;
  const headingId = `component-${component.id}`;
  const count = programs.length;
  return (
    <Card labelledBy={headingId} className="component-section">
      <div className="component-section__header">
        <ComponentLetter id={component.id} />
        <h2 id={headingId} className="component-section__heading">
          <span className="eyebrow">{t('portfolio.componentLabel', { id: component.id })}</span>
          <span className="component-section__title">{localizedTitle(component, locale)}</span>
        </h2>
        <p className="component-section__count">
          {priorityOnly
            ? t('portfolio.priorityProgramsRecorded', { count })
            : t('portfolio.programsRecorded', { count })}
        </p>
      </div>
      {count > 0 ? (
        <ul className="program-list">
          {programs.map((program) => (
            <ProgramListItem key={program.id} program={program} />
          ))}
        </ul>
      ) : (
        <p className="component-section__empty">
          {priorityOnly ? t('portfolio.noPriorityPrograms') : t('portfolio.noPrograms')}
        </p>
      )}
    </Card>
  );
}
