import { formatMinor, parseDecimal } from '@mesa/shared';

/** What an amount typed into the form is: exact, or why not. */
export type AmountCheck =
  | { ok: true; minor: bigint; stored: string }
  | { ok: false; problem: 'empty' | 'notNumber' | 'noDecimals' | 'tooManyDecimals' | 'tooLarge' };

/**
 * Normalizes what a person types: spaces dropped; a lone comma read as the decimal separator
 * ("1500,5" as Spanish writes it). Thousands separators are not guessed: "1.500,50" is refused.
 */
export function normalizeAmount(text: string): string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!compact.includes('.') && (compact.match(/,/g) ?? []).length === 1) {
    return compact.replace(',', '.');
  }
  return compact;
}

/**
 * Checks an amount against its currency's minor digits with the shared `parseDecimal` (no
 * floating point) and gives the exact decimal it will be stored as ("1500.5" in USD → "1500.50").
 */
export function checkAmount(text: string, digits: number): AmountCheck {
  const normal = normalizeAmount(text);
  if (normal === '') return { ok: false, problem: 'empty' };
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return { ok: false, problem: 'notNumber' };
  const minor = parseDecimal(normal, digits);
  if (minor === null) {
    const fraction = normal.split('.')[1] ?? '';
    if (fraction.length > digits) {
      // "1.000" in yen is still a whole number: say so rather than refuse it as a fraction.
      if (/^0+$/.test(fraction) && parseDecimal(normal.split('.')[0] ?? '', digits) !== null) {
        const whole = parseDecimal(normal.split('.')[0] ?? '', digits) ?? 0n;
        return { ok: true, minor: whole, stored: formatMinor(whole, digits) };
      }
      return { ok: false, problem: digits === 0 ? 'noDecimals' : 'tooManyDecimals' };
    }
    return { ok: false, problem: 'tooLarge' };
  }
  return { ok: true, minor, stored: formatMinor(minor, digits) };
}
