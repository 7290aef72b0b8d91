import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Ballot, Program, Round } from '@mesa/shared';
import { AccessReason } from '../../components/AccessReason';
import { FormAlert } from '../../components/FormAlert';
import { useErrorText } from '../../hooks/useErrorText';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/intl';
import { saveBallot } from '../../lib/prioritiesApi';
import { useTimeZone } from '../auth/useTimeZone';
import { localizedTitle } from '../portfolio/localizedTitle';
import { BallotEntryRow } from './BallotEntryRow';
import { BallotHistory } from './BallotHistory';
import { ConflictNotice } from './ConflictNotice';
import { draftOf, isDirty, moveEntry, type DraftEntry } from './ballotDraft';
import { priorityKeys } from './queryKeys';
import { useMoveFocus } from './useMoveFocus';

/** Props of BallotEditor. */
export interface BallotEditorProps {
  round: Round;
  ballot: Ballot;
  programs: readonly Program[];
}

/** The program's label in the reader's language: "BA1 · Title". */
export function programLabel(
  programs: readonly Program[],
  id: string,
  locale: 'en' | 'es',
): string {
  const p = programs.find((x) => x.id === id);
  if (!p) return id;
  return p.code ? `${p.code} · ${localizedTitle(p, locale)}` : localizedTitle(p, locale);
}

/**
 * The delegation's ballot: add candidates, reorder by drag or keyboard (buttons, Alt+Arrow
 * keys, each move announced), remove, rationale; saves on the revision it was based on, and
 * on a conflict shows the other member's version so the person can re-apply theirs.
 */
export function BallotEditor({ round, ballot, programs }: BallotEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useTimeZone();
  const errorText = useErrorText(zone);
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DraftEntry[]>(() => draftOf(ballot));
  const [basedOn, setBasedOn] = useState(ballot);
  const [conflict, setConflict] = useState<Ballot | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const editable = round.abilities.vote;
  const dirty = isDirty(draft, basedOn);
  // Another member's save arrives live: adopt it unless the person has edits of their own
  // (adjusting state while rendering, as React advises for state derived from props).
  const [seenRevision, setSeenRevision] = useState(ballot.revision);
  if (ballot.revision !== seenRevision) {
    setSeenRevision(ballot.revision);
    if (!dirty) {
      setDraft(draftOf(ballot));
      setBasedOn(ballot);
    }
  }
  const label = (id: string) => programLabel(programs, id, locale);
  const list = useRef<HTMLOListElement>(null);
  const focusAfterMove = useMoveFocus(list, draft);
  const move = (from: number, to: number, control: string | null) => {
    if (to < 0 || to >= draft.length) return;
    const programId = draft[from]!.programId;
    setDraft(moveEntry(draft, from, to));
    setAnnouncement(
      t('priorities.ballot.moved', {
        program: label(programId),
        position: to + 1,
        total: draft.length,
      }),
    );
    focusAfterMove(programId, control);
  };
  const remaining = round.candidateProgramIds.filter(
    (id) => !draft.some((e) => e.programId === id),
  );
  const [toAdd, setToAdd] = useState('');
  const add = () => {
    const id = toAdd || remaining[0];
    if (!id || draft.length >= round.places) return;
    setDraft([...draft, { programId: id, rationale: '' }]);
    setToAdd('');
    setAnnouncement(
      t('priorities.ballot.added', {
        program: label(id),
        position: draft.length + 1,
        total: draft.length + 1,
      }),
    );
  };
  const save = async (entries: DraftEntry[], revision: number) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const outcome = await saveBallot(round.id, {
        entries: entries.map((e) => ({
          programId: e.programId,
          rationale: e.rationale.trim() || null,
        })),
        revision,
      });
      if ('conflict' in outcome) {
        setConflict(outcome.conflict);
        return;
      }
      setConflict(null);
      setBasedOn(outcome.saved);
      setDraft(draftOf(outcome.saved));
      queryClient.setQueryData(priorityKeys.ownBallot(round.id), outcome.saved);
      void queryClient.invalidateQueries({ queryKey: priorityKeys.round(round.id) });
      setAnnouncement(t('priorities.ballot.saved'));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="ballot" aria-labelledby="ballot-title">
      <h2 id="ballot-title">
        {t('priorities.ballot.title', { name: ballot.organizationName[locale] })}
      </h2>
      <p className="ballot__meta">
        {basedOn.updatedBy && basedOn.updatedAt
          ? t('priorities.ballot.lastChanged', {
              name: basedOn.updatedBy.name,
              time: formatDateTime(basedOn.updatedAt, locale, zone),
            })
          : t('priorities.ballot.notSaved')}
      </p>
      {editable ? (
        <p className="ballot__hint">{t('priorities.ballot.hint', { count: round.places })}</p>
      ) : (
        <p className="notice">
          <AccessReason reason={round.abilities.denied.vote} />
        </p>
      )}
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {conflict ? (
        <ConflictNotice
          current={conflict}
          label={label}
          onUseTheirs={() => {
            setDraft(draftOf(conflict));
            setBasedOn(conflict);
            setConflict(null);
          }}
          onReapply={() => void save(draft, conflict.revision)}
        />
      ) : null}
      <FormAlert message={problem} />
      {draft.length === 0 ? <p>{t('priorities.ballot.empty')}</p> : null}
      <ol ref={list} className="ballot__list" aria-label={t('priorities.ballot.listLabel')}>
        {draft.map((entry, index) => (
          <BallotEntryRow
            key={entry.programId}
            entry={entry}
            index={index}
            total={draft.length}
            label={label(entry.programId)}
            editable={editable}
            onMove={move}
            onRemove={(i) => setDraft(draft.filter((_, j) => j !== i))}
            onRationale={(i, text) =>
              setDraft(draft.map((e, j) => (j === i ? { ...e, rationale: text } : e)))
            }
          />
        ))}
      </ol>
      {editable ? (
        <div className="ballot__controls">
          {draft.length < round.places && remaining.length > 0 ? (
            <span className="ballot__add">
              <label htmlFor="ballot-add">{t('priorities.ballot.addLabel')}</label>
              <select
                id="ballot-add"
                value={toAdd || remaining[0]}
                onChange={(e) => setToAdd(e.target.value)}
              >
                {remaining.map((id) => (
                  <option key={id} value={id}>
                    {label(id)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button--secondary" onClick={add}>
                {t('priorities.ballot.add')}
              </button>
            </span>
          ) : (
            <p>{t('priorities.ballot.full', { count: round.places })}</p>
          )}
          <button
            type="button"
            className="button"
            disabled={!dirty || saving || conflict !== null}
            onClick={() => void save(draft, basedOn.revision)}
          >
            {t('priorities.ballot.save')}
          </button>
        </div>
      ) : null}
      <BallotHistory roundId={round.id} label={label} />
    </section>
  );
}
