import { useTranslation } from 'react-i18next';
import type { PlanDiffBlock } from '@mesa/shared';
import { DiffTable } from './DiffTable';

type TextBlock = Extract<PlanDiffBlock, { kind: 'text' }>;

const marks = { equal: ' ', added: '+', removed: '−' } as const;

function DiffLine({ line }: { line: TextBlock }) {
  const { t } = useTranslation();
  return (
    <li className={`diff__line diff__line--${line.op}`}>
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
  );
}

/**
 * What changed since a version: lines removed and added, and tables shown as tables with
 * their changed rows and cells marked. Signs, words and ins/del, not only colour, tell them
 * apart.
 */
export function DiffView({ blocks }: { blocks: PlanDiffBlock[] }) {
  const { t } = useTranslation();
  if (!blocks.some((block) => block.op !== 'equal')) return <p>{t('plan.versions.noChanges')}</p>;
  return (
    <ol className="diff">
      {blocks.map((block, index) =>
        block.kind === 'text' ? (
          <DiffLine key={index} line={block} />
        ) : (
          <li key={index} className={`diff__table diff__table--${block.op}`}>
            <DiffTable table={block} />
          </li>
        ),
      )}
    </ol>
  );
}
