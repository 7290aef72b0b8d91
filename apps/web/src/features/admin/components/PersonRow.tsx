import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleSchema, Roles, type Person } from '@mesa/shared';
import { FormAlert } from '../../../components/FormAlert';
import { useErrorText } from '../../../hooks/useErrorText';
import { useLocale } from '../../../i18n/useLocale';
import { updatePerson } from '../../../lib/adminApi';
import { adminKeys } from '../queryKeys';
import { useAdminMutation } from '../useAdminMutation';
import { AdminCell } from './AdminCell';

function DeactivateConfirm({
  person,
  onCancel,
  onConfirm,
}: {
  person: Person;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="confirm"
      role="group"
      aria-label={t('admin.people.confirmLabel', { name: person.name })}
    >
      <p>{t('admin.people.confirmText', { name: person.name })}</p>
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={onConfirm} autoFocus>
          {t('admin.people.deactivate')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </div>
  );
}

/** One person: organization, a role select, and deactivation behind a confirmation. */
export function PersonRow({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const mutation = useAdminMutation(
    (input: { role?: Person['role']; active?: boolean }) => updatePerson(person.id, input),
    [adminKeys.people],
  );
  return (
    <tr role="row" className={person.active ? undefined : 'admin-table__inactive'}>
      <AdminCell label={t('admin.people.person')}>
        <span className="admin-table__strong">{person.name}</span>
        <span className="admin-table__sub">{person.email}</span>
      </AdminCell>
      <AdminCell label={t('admin.people.organization')}>
        {person.organizationName[locale]}
      </AdminCell>
      <AdminCell label={t('admin.people.role')}>
        <label className="visually-hidden" htmlFor={`role-${person.id}`}>
          {t('admin.people.roleOf', { name: person.name })}
        </label>
        <select
          id={`role-${person.id}`}
          className="field__input field__select"
          value={person.role}
          disabled={mutation.isPending || isSelf}
          onChange={(event) => mutation.mutate({ role: RoleSchema.parse(event.target.value) })}
        >
          {Roles.map((role) => (
            <option key={role} value={role}>
              {t(`auth.roles.${role}`)}
            </option>
          ))}
        </select>
      </AdminCell>
      <AdminCell label={t('admin.people.status')}>
        {person.active ? t('admin.people.active') : t('admin.people.inactive')}
      </AdminCell>
      <td className="admin-table__actions" role="cell">
        <FormAlert message={mutation.isError ? errorText(mutation.error) : undefined} />
        {confirming ? (
          <DeactivateConfirm
            person={person}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              mutation.mutate({ active: false });
            }}
          />
        ) : null}
        {!confirming && person.active && !isSelf ? (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('admin.people.deactivateOf', { name: person.name })}
            onClick={() => setConfirming(true)}
          >
            {t('admin.people.deactivate')}
          </button>
        ) : null}
        {!person.active ? (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('admin.people.reactivateOf', { name: person.name })}
            onClick={() => mutation.mutate({ active: true })}
          >
            {t('admin.people.reactivate')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
