import { useTranslation } from 'react-i18next';
import type { PlanVersion, Program } from '@mesa/shared';
import { formatExportDate, programHeading } from '@mesa/editor';
import { useLocale } from '../../i18n/useLocale';
import type { CollabSession } from '../../lib/collab';
import { localizedTitle } from '../portfolio/localizedTitle';
import { usePrintSnapshot } from './usePrintSnapshot';
import { usePrintVersion, type PrintVersion } from './usePrintVersion';

/** Props of PrintHeader. */
export interface PrintHeaderProps {
  /** The program whose plan is printed. */
  program: Program;
  /** The live plan. */
  session: CollabSession;
  /** The reader's IANA time zone. */
  timeZone: string;
}

/**
 * The heading of the printed plan (shown only in print): the program's code and title in the
 * interface language, when it was printed in the reader's zone, and which version the text
 * is — a saved version only when the text is exactly that version's.
 */
export function PrintHeader({ program, session, timeZone }: PrintHeaderProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const snapshot = usePrintSnapshot(session.doc);
  const version = usePrintVersion(program.id, snapshot.markdown);
  const date = (at: Date) => formatExportDate(at, locale, timeZone);
  const saved = (v: PlanVersion) =>
    v.name === null
      ? t('plan.print.auto', { number: v.number, date: date(new Date(v.createdAt)) })
      : t('plan.print.named', {
          number: v.number,
          name: v.name,
          date: date(new Date(v.createdAt)),
        });
  const versionText = (v: PrintVersion) => {
    if (v.kind === 'saved') return saved(v.version);
    if (v.kind === 'changed') return t('plan.print.notSaved', { latest: saved(v.version) });
    if (v.kind === 'never') return t('plan.print.neverSaved');
    return t('plan.print.unknown');
  };
  return (
    <div className="plan-print-header" data-slot="print-header">
      <p className="plan-print-header__title">
        {programHeading(program.code, localizedTitle(program, locale))}
      </p>
      <dl className="plan-print-header__facts">
        <dt>{t('plan.print.printed')}</dt>
        <dd>{date(snapshot.at)}</dd>
        <dt>{t('plan.print.version')}</dt>
        <dd data-version={version.kind}>{versionText(version)}</dd>
      </dl>
    </div>
  );
}
