// Names of downloaded files and the Content-Disposition that carries them (RFC 6266, with the
// RFC 5987 `filename*` for names that are not ASCII).

// Characters Windows, macOS or Linux refuse in a file name, and control characters.
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
// Well under the 255-byte limit of common file systems, leaving room for " (2)" and the like.
const MAX_STEM_BYTES = 150;

const encoder = new TextEncoder();

function truncateToBytes(text: string, max: number): string {
  if (encoder.encode(text).length <= max) return text;
  let out = '';
  // By code point, so a character outside the BMP is never cut in half.
  for (const char of text) {
    if (encoder.encode(out + char).length > max) break;
    out += char;
  }
  // End at a word when there is one in the last third, rather than mid-word.
  const space = out.lastIndexOf(' ');
  return space > (out.length * 2) / 3 ? out.slice(0, space) : out;
}

/** A file-name stem from free text: illegal characters become spaces, runs of space one. */
function cleanStem(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(ILLEGAL, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // Windows drops trailing dots and spaces, and a leading dot hides a file on Unix.
      .replace(/^[.\s]+|[.\s]+$/g, '')
  );
}

/**
 * The name of a downloaded file from its parts ("BA1", "Prevención de la violencia" →
 * "BA1 Prevención de la violencia.md"): characters illegal in file names removed, at most
 * ~150 bytes before the extension, `fallback` when nothing is left.
 */
export function downloadFileName(parts: readonly (string | null)[], ext: string, fallback: string) {
  const stem = truncateToBytes(cleanStem(parts.filter(Boolean).join(' ')), MAX_STEM_BYTES).trim();
  return `${stem || fallback}.${ext}`;
}

/** The ASCII look-alike of a file name, for clients that ignore `filename*` ("Prevencion"). */
export function asciiFileName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      // Outside printable ASCII, and `%` (some clients percent-decode `filename`), become `_`.
      .replace(/[^\x20-\x7e]|%/g, '_')
      .replace(ILLEGAL, '_')
  );
}

// RFC 5987 attr-char: what may stand unencoded in `filename*`.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment; filename="<ASCII>"; filename*=UTF-8''<encoded>` for a file name already free of
 * illegal characters (see `downloadFileName`); browsers that know RFC 6266 use the second.
 */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
