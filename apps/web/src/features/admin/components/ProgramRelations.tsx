import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IdSchema,
  RelationSchema,
  Relations,
  type Organization,
  type Relation,
} from '@mesa/shared';
import { ErrorState } from '../../../components/ErrorState';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { SelectField } from '../../../components/SelectField';
import { useErrorText } from '../../../hooks/useErrorText';
import { useLocale } from '../../../i18n/useLocale';
import { byLocalizedName, sortByName } from '../../../lib/names';
import { removeProgramRelation, setProgramRelation } from '../../../lib/adminApi';
import { adminKeys } from '../queryKeys';
import { useAdminMutation } from '../useAdminMutation';
import { useProgramRelations } from '../useAdminQueries';

interface Props {
  programId: string;
  organizations: readonly Organization[];
}

/** The organizations on a program with their relation: add, change, remove. */
export function ProgramRelations({ programId, organizations }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const relations = useProgramRelations(programId);
  const keys = [adminKeys.relations(programId), ['programs']] as const;
  const put = useAdminMutation(
    (input: { organizationId: string; relation: Relation }) =>
      setProgramRelation(programId, input.organizationId, input.relation),
    keys,
  );
  const remove = useAdminMutation((id: string) => removeProgramRelation(programId, id), keys);
  if (relations.isError) return <ErrorState title={t('admin.loadError')} error={relations.error} />;
  if (!relations.data) return <LoadingState label={t('admin.loading')} />;
  const onProgram = new Set(relations.data.map((row) => row.organizationId));
  const rows = [...relations.data].sort(byLocalizedName(locale, (row) => row.organizationName));
  const addable = sortByName(
    organizations.filter((org) => !onProgram.has(org.id)),
    locale,
  );
  const relationOptions = Relations.map((r) => ({ value: r, label: t(`admin.relations.${r}`) }));
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    put.mutate({
      organizationId: IdSchema.parse(data.get('organizationId')),
      relation: RelationSchema.parse(data.get('relation')),
    });
  };
  const error = put.error ?? remove.error;
  return (
    <>
      <FormAlert message={error ? errorText(error) : undefined} />
      {relations.data.length === 0 ? (
        <p className="muted">{t('admin.access.noOrganizations')}</p>
      ) : null}
      <ul className="access-list">
        {rows.map((row) => (
          <li key={row.organizationId} className="access-list__row">
            <span className="admin-table__strong">{row.organizationName[locale]}</span>
            <SelectField
              className="field--compact"
              label={t('admin.access.relationOf', { name: row.organizationName[locale] })}
              value={row.relation}
              options={relationOptions}
              onChange={(event) =>
                put.mutate({
                  organizationId: row.organizationId,
                  relation: RelationSchema.parse(event.target.value),
                })
              }
            />
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('admin.access.removeOf', { name: row.organizationName[locale] })}
              onClick={() => remove.mutate(row.organizationId)}
            >
              {t('admin.access.remove')}
            </button>
          </li>
        ))}
      </ul>
      {addable.length > 0 ? (
        <form className="form form--grid" onSubmit={add}>
          <SelectField
            label={t('admin.access.organization')}
            name="organizationId"
            options={addable.map((org) => ({ value: org.id, label: org.name[locale] }))}
          />
          <SelectField
            label={t('admin.access.relation')}
            name="relation"
            options={relationOptions}
          />
          <button type="submit" className="button" disabled={put.isPending}>
            {t('admin.access.add')}
          </button>
        </form>
      ) : null}
    </>
  );
}
