import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IdSchema } from '@mesa/shared';
import { ErrorState } from '../../../components/ErrorState';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { SelectField } from '../../../components/SelectField';
import { useErrorText } from '../../../hooks/useErrorText';
import { useLocale } from '../../../i18n/useLocale';
import { addCoordinator, removeCoordinator } from '../../../lib/adminApi';
import { adminKeys } from '../queryKeys';
import { useAdminMutation } from '../useAdminMutation';
import { useCoordinators, usePeople } from '../useAdminQueries';

/** A program's coordinators: remove one, or name an active member as a new one. */
export function ProgramCoordinators({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const coordinators = useCoordinators(programId);
  const people = usePeople();
  const keys = [adminKeys.coordinators(programId), ['programs']] as const;
  const add = useAdminMutation((userId: string) => addCoordinator(programId, userId), keys);
  const remove = useAdminMutation((userId: string) => removeCoordinator(programId, userId), keys);
  const failure = coordinators.error ?? people.error;
  if (failure) return <ErrorState title={t('admin.loadError')} error={failure} />;
  if (!coordinators.data || !people.data) return <LoadingState label={t('admin.loading')} />;
  const named = new Set(coordinators.data.map((row) => row.userId));
  // Coordinators are members of the program's organizations; the server refuses anyone else.
  const candidates = people.data.filter(
    (person) => person.active && person.role === 'member' && !named.has(person.id),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(IdSchema.parse(new FormData(event.currentTarget).get('userId')));
  };
  const error = add.error ?? remove.error;
  return (
    <>
      <FormAlert message={error ? errorText(error) : undefined} />
      {coordinators.data.length === 0 ? (
        <p className="muted">{t('admin.access.noCoordinators')}</p>
      ) : null}
      <ul className="access-list">
        {coordinators.data.map((row) => (
          <li key={row.userId} className="access-list__row">
            <span>
              <span className="admin-table__strong">{row.name}</span>
              <span className="admin-table__sub">{row.email}</span>
            </span>
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('admin.access.removeOf', { name: row.name })}
              onClick={() => remove.mutate(row.userId)}
            >
              {t('admin.access.remove')}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <form className="form form--grid" onSubmit={submit}>
          <SelectField
            label={t('admin.access.person')}
            name="userId"
            options={candidates.map((p) => ({
              value: p.id,
              label: `${p.name} (${p.organizationName[locale]})`,
            }))}
          />
          <button type="submit" className="button" disabled={add.isPending}>
            {t('admin.access.addCoordinator')}
          </button>
        </form>
      ) : null}
    </>
  );
}
