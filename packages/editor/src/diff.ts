/** One line of a line diff: kept, only in the new text, or only in the old one. */
export interface DiffLine {
  /** `equal` in both, `added` only in the newer text, `removed` only in the older one. */
  op: 'equal' | 'added' | 'removed';
  /** The line's text. */
  text: string;
}

// Above this many cells the LCS table would cost too much memory; fall back to remove + add.
const MAX_CELLS = 4_000_000;

/**
 * A line diff from `before` to `after` (longest common subsequence after trimming the common
 * head and tail). Plans are a few hundred lines, so the quadratic table is small.
 */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const middle = diffMiddle(a, b);
  const eq = (text: string): DiffLine => ({ op: 'equal', text });
  return [
    ...before.slice(0, head).map(eq),
    ...middle,
    ...before.slice(before.length - tail).map(eq),
  ];
}

function diffMiddle(a: readonly string[], b: readonly string[]): DiffLine[] {
  const removed = a.map((text): DiffLine => ({ op: 'removed', text }));
  const added = b.map((text): DiffLine => ({ op: 'added', text }));
  if (a.length === 0 || b.length === 0 || (a.length + 1) * (b.length + 1) > MAX_CELLS)
    return [...removed, ...added];
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * w + j + 1]! + 1
          : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'equal', text: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) out.push(removed[i++]!);
    else out.push(added[j++]!);
  }
  return [...out, ...removed.slice(i), ...added.slice(j)];
}
