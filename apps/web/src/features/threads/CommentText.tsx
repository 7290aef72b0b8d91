import { Fragment } from 'react';
import type { PersonRef } from '@mesa/shared';
import { useLocale } from '../../i18n/useLocale';
import { parseCommentText } from './commentText';

/** Props of CommentText. */
export interface CommentTextProps {
  /** The comment's plain text. */
  body: string;
  /** The people its mention tokens name. */
  mentions: readonly PersonRef[];
}

/**
 * A comment as text: line breaks kept, http/https/mailto addresses as links, mentions as
 * "@Name" chips. Built from React text nodes only, so HTML in a comment shows as written.
 */
export function CommentText({ body, mentions }: CommentTextProps) {
  const locale = useLocale();
  return (
    <p className="comment__text">
      {parseCommentText(body, mentions).map((part, index) => {
        if (part.kind === 'break') return <br key={index} />;
        if (part.kind === 'text') return <Fragment key={index}>{part.text}</Fragment>;
        if (part.kind === 'link') {
          return (
            <a key={index} href={part.href} rel="noopener noreferrer nofollow" target="_blank">
              {part.text}
            </a>
          );
        }
        return (
          <span key={index} className="mention-chip" title={part.person.organizationName[locale]}>
            @{part.person.name}
          </span>
        );
      })}
    </p>
  );
}
