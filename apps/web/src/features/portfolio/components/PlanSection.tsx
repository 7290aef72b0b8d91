import { useTranslation } from 'react-i18next';

/** The program's plan area; the collaborative plan editor mounts here once it exists. */
export function PlanSection() {
  const { t } = useTranslation();
  return (
    // data-slot lets the plan editor task find this mount point without reading the layout.
    <section className="plan-section" aria-labelledby="plan-heading" data-slot="plan">
      <h2 id="plan-heading">{t('program.plan')}</h2>
      <p className="muted">{t('program.planUnavailable')}</p>
    </section>
  );
}
