import { useTranslation } from 'react-i18next';
import type { FundingFigures } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { formatUsd } from './money';

/** One line of a figures table. */
export interface FiguresLine {
  key: string;
  /** The row header (a program, a donor, a year…). */
  name: React.ReactNode;
  figures: FundingFigures;
  /** Estimated cost and gap columns (programs only). */
  cost?: { estimated: React.ReactNode; gap: React.ReactNode };
  /** Extra cells after the figures (e.g. native totals). */
  extra?: React.ReactNode[];
}

/**
 * The accessible table beside every chart, and the source of truth: pledged, committed,
 * disbursed, expended, funding and "no rate" counts, in USD in the reader's locale.
 */
export function FiguresTable({
  caption,
  nameHeading,
  lines,
  withCost = false,
  extraHeadings = [],
  total,
}: {
  caption: string;
  nameHeading: string;
  lines: readonly FiguresLine[];
  withCost?: boolean;
  extraHeadings?: readonly string[];
  total?: FiguresLine;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const row = (line: FiguresLine, Tag: 'tr' = 'tr') => (
    <Tag key={line.key}>
      <th scope="row">{line.name}</th>
      {withCost ? <td>{line.cost?.estimated}</td> : null}
      <td className="num">{formatUsd(line.figures.pledged, locale)}</td>
      <td className="num">{formatUsd(line.figures.committed, locale)}</td>
      <td className="num">{formatUsd(line.figures.disbursed, locale)}</td>
      <td className="num">{formatUsd(line.figures.expended, locale)}</td>
      <td className="num">
        <strong>{formatUsd(line.figures.funding, locale)}</strong>
      </td>
      {withCost ? <td className="num">{line.cost?.gap}</td> : null}
      <td className="num">{line.figures.withoutRate}</td>
      {line.extra?.map((cell, i) => (
        <td key={i} className="num">
          {cell}
        </td>
      ))}
    </Tag>
  );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="figures-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeading}</th>
            {withCost ? <th scope="col">{t('fundingDashboard.columns.estimatedCost')}</th> : null}
            <th scope="col">{t('fundingDashboard.columns.pledged')}</th>
            <th scope="col">{t('fundingDashboard.columns.committed')}</th>
            <th scope="col">{t('fundingDashboard.columns.disbursed')}</th>
            <th scope="col">{t('fundingDashboard.columns.expended')}</th>
            <th scope="col">{t('fundingDashboard.columns.funding')}</th>
            {withCost ? <th scope="col">{t('fundingDashboard.columns.gap')}</th> : null}
            <th scope="col">{t('fundingDashboard.columns.withoutRate')}</th>
            {extraHeadings.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{lines.map((l) => row(l))}</tbody>
        {total ? <tfoot>{row(total)}</tfoot> : null}
      </table>
    </div>
  );
}
