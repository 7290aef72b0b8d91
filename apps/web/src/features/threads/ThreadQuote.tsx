import { useTranslation } from 'react-i18next';
import type { Anchor } from '@mesa/shared';

/** The passage a thread is on, with a note when that text was removed from the document. */
export function ThreadQuote({ anchor }: { anchor: Pick<Anchor, 'quote'> & { state?: string } }) {
  const { t } = useTranslation();
  const removed = anchor.state === 'removed';
  return (
    <figure className={`thread-quote${removed ? ' thread-quote--removed' : ''}`}>
      {removed ? (
        <figcaption className="thread-quote__note">{t('threads.removed')}</figcaption>
      ) : null}
      <blockquote className="thread-quote__text">{anchor.quote}</blockquote>
    </figure>
  );
}
