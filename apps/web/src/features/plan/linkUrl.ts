import { isAllowedLinkUrl } from '@mesa/editor';

/**
 * The address to store for what a person typed in the link field, or null when it is not
 * allowed. A bare domain or an e-mail address gets its scheme; anything else must be http,
 * https or mailto (never javascript:, data: or file:).
 */
export function normalizeLinkUrl(input: string): string | null {
  const url = input.trim();
  if (url === '' || /\s/.test(url)) return null;
  if (isAllowedLinkUrl(url)) return validUrl(url);
  // A scheme other than the allowed ones is refused rather than guessed around.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[^:/]+\.[^:/]+:\d/.test(url)) return null;
  if (/^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/.test(url)) return `mailto:${url}`;
  if (/^[^/\s]+\.[^/\s]+/.test(url)) return validUrl(`https://${url}`);
  return null;
}

function validUrl(url: string): string | null {
  if (url.toLowerCase().startsWith('mailto:')) return url.length > 'mailto:'.length ? url : null;
  return URL.canParse(url) && new URL(url).hostname !== '' ? url : null;
}
