import { useTranslation } from 'react-i18next';
import { IdSchema, RoleSchema, type Organization, type Role } from '@mesa/shared';
import { CheckedForm } from '../../../components/CheckedForm';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { useLocale } from '../../../i18n/useLocale';
import { sortByName } from '../../../lib/names';
import { createInvitation } from '../../../lib/adminApi';
import { adminKeys } from '../queryKeys';
import { useAdminMutation } from '../useAdminMutation';
import { InvitationLink } from './InvitationLink';
import { formText } from '../../../lib/formData';

/** Props of CreateInvitationForm. */
export interface CreateInvitationFormProps {
  /** Roles the person may give (all for admins, member and viewer for coordinators). */
  roles: readonly Role[];
  /** Organizations to choose from. */
  organizations: readonly Organization[];
}

/** Invites someone by email with a role and an organization, then shows the link to copy. */
export function CreateInvitationForm({ roles, organizations }: CreateInvitationFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useCheckedForm((data) => {
    const email = formText(data, 'email').trim();
    const values = {
      email,
      role: RoleSchema.parse(data.get('role')),
      organizationId: IdSchema.parse(data.get('organizationId')),
    };
    return {
      values,
      errors: { email: email.includes('@') ? undefined : t('admin.invitations.emailInvalid') },
    };
  });
  const mutation = useAdminMutation(createInvitation, [adminKeys.invitations]);
  // The link is made: the email is cleared for the next person (role and organization are
  // kept, as people are often invited in batches); the link below takes focus.
  const clearEmail = () => {
    const email = form.formRef.current?.elements.namedItem('email');
    if (email instanceof HTMLInputElement) email.value = '';
  };

  return (
    <>
      <CheckedForm
        {...form.propsFor(mutation, clearEmail)}
        className="form form--grid"
        submitLabel={t('admin.invitations.create')}
      >
        <TextField
          label={t('auth.form.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          error={form.errors.email}
        />
        <SelectField
          label={t('admin.invitations.role')}
          name="role"
          defaultValue={roles.includes('member') ? 'member' : roles[0]}
          options={roles.map((role) => ({ value: role, label: t(`auth.roles.${role}`) }))}
        />
        <SelectField
          label={t('admin.invitations.organization')}
          name="organizationId"
          options={sortByName(organizations, locale).map((org) => ({
            value: org.id,
            label: org.name[locale],
          }))}
        />
      </CheckedForm>
      {mutation.data ? (
        <InvitationLink
          key={mutation.data.id}
          invitation={mutation.data}
          email={mutation.variables.email}
        />
      ) : null}
    </>
  );
}
