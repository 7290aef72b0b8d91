import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IdSchema, RoleSchema, type Organization, type Role } from '@mesa/shared';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useErrorText } from '../../../hooks/useErrorText';
import { useFormFocus } from '../../../hooks/useFormFocus';
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
  const errorText = useErrorText();
  const { formRef, alertRef, failed } = useFormFocus();
  const [emailError, setEmailError] = useState<string>();
  const mutation = useAdminMutation(createInvitation, [adminKeys.invitations]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = formText(data, 'email').trim();
    setEmailError(email.includes('@') ? undefined : t('admin.invitations.emailInvalid'));
    if (!email.includes('@')) return failed();
    const role = RoleSchema.parse(data.get('role'));
    const organizationId = IdSchema.parse(data.get('organizationId'));
    mutation.mutate({ email, role, organizationId }, { onError: failed });
  };

  return (
    <>
      <form ref={formRef} className="form form--grid" noValidate onSubmit={submit}>
        <FormAlert
          ref={alertRef}
          message={mutation.isError ? errorText(mutation.error) : undefined}
        />
        <TextField
          label={t('auth.form.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          error={emailError}
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
          options={organizations.map((org) => ({ value: org.id, label: org.name }))}
        />
        <button type="submit" className="button" disabled={mutation.isPending}>
          {t('admin.invitations.create')}
        </button>
      </form>
      {mutation.data ? <InvitationLink invitation={mutation.data} /> : null}
    </>
  );
}
