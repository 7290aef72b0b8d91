import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale';
import type { Me } from '../../../lib/accountApi';
import { useOrganizations } from '../../portfolio/useOrganizations';

/** The signed-in person's organization, once the organizations have loaded. */
export function useOwnOrganization(me: Me) {
  const organizations = useOrganizations();
  return organizations.data?.find((org) => org.id === me.user.organizationId);
}

/** The signed-in person as the header shows them: name, then organization · role. */
export function AccountName({ me }: { me: Me }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const organization = useOwnOrganization(me);
  return (
    <>
      <span className="user-menu__name">{me.user.name}</span>
      <span className="user-menu__meta">
        {organization?.shortName[locale] ?? ''}
        {organization ? ' · ' : ''}
        {t(`auth.roles.${me.user.role}`)}
      </span>
    </>
  );
}
