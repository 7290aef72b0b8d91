/**
 * Money columns come back as a number from SQLite and as a string from PostgreSQL's int8;
 * both are integers of minor units. This is the one place they become `bigint`.
 */
export function readMinor(value: string | number): bigint {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer amount: ${value}`);
    return BigInt(value);
  }
  return BigInt(value);
}

/** A nullable money column as `bigint` or null. */
export function readMinorOrNull(value: string | number | null): bigint | null {
  return value === null ? null : readMinor(value);
}
