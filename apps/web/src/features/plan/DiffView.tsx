import { useTranslation } from 'react-i18next';

/** One line of a comparison. */
export interface DiffViewLine {
  /** Kept, added since the version, or removed since it. */
  op: 'equal' | 'added' | 'removed';
  /** The line's text. */
  text: string;
}

const marks = { equal: ' ', added: '+', removed: '−' } as const;

/** Lines removed and added since a version; signs and words, not only colour, tell them apart. */
export function DiffView({ lines }: { lines: DiffViewLine[] }) {
  const { t } = useTranslation();
  if (!lines.some((line) => line.op !== 'equal')) return <p>{t('plan.versions.noChanges')}</p>;
  return (
    <ol className="diff">
      {lines.map((line, index) => (
        <li key={index} className={`diff__line diff__line--${line.op}`}>
          <span className="diff__mark" aria-hidden="true">
            {marks[line.op]}
          </span>
          {line.op === 'equal' ? null : (
            <span className="visually-hidden">
              {line.op === 'added' ? t('plan.versions.added') : t('plan.versions.removed')}:{' '}
            </span>
          )}
          {line.op === 'removed' ? <del>{line.text}</del> : null}
          {line.op === 'added' ? <ins>{line.text}</ins> : null}
          {line.op === 'equal' ? <span>{line.text || '\u00a0'}</span> : null}
        </li>
      ))}
    </ol>
  );
}
