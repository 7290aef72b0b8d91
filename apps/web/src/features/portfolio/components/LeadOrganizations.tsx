import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Organization, Program } from '@mesa/shared';
import { NotRecorded } from '../../../components/NotRecorded';
import { useLocale } from '../../../i18n/useLocale';
import { sortByName } from '../../../lib/names';

/** Props of LeadOrganizations. */
export interface LeadOrganizationsProps {
  /** The program; its `leadOrganizationIds` are the holders of the Lead relation. */
  program: Program;
  /** Every organization, to name them in the reader's language. */
  organizations: readonly Organization[];
}

/**
 * The program's lead organizations — the organizations holding the Lead relation in program
 * access, so the two can never disagree — named and ordered in the reader's language. An
 * administrator, who sets relations, gets the way there.
 */
export function LeadOrganizations({ program, organizations }: LeadOrganizationsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ids = new Set(program.leadOrganizationIds);
  const leads = sortByName(
    organizations.filter((organization) => ids.has(organization.id)),
    locale,
  );
  // An id the list lacks is a data fault to surface, not something to paper over with a guess.
  const unknown = leads.length < ids.size;
  const access = program.abilities.administer ? (
    <Link className="fact-row__action" to={`/admin/programs/${encodeURIComponent(program.id)}`}>
      {t('program.leadInAccess')}
    </Link>
  ) : null;
  if (ids.size === 0)
    return (
      <>
        <NotRecorded />
        {access}
      </>
    );
  return (
    <>
      <ul className="inline-list">
        {leads.map((organization) => (
          <li key={organization.id}>{organization.name[locale]}</li>
        ))}
        {unknown ? <li className="not-recorded">{t('program.leadUnknown')}</li> : null}
      </ul>
      {access}
    </>
  );
}
