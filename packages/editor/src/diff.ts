/** One line of a line diff: kept, only in the new text, or only in the old one. */
export interface DiffLine {
  /** `equal` in both, `added` only in the newer text, `removed` only in the older one. */
  op: 'equal' | 'added' | 'removed';
  /** The line's text. */
  text: string;
}

/** One step of a sequence diff: an item kept (with both sides), added or removed. */
export type DiffStep<T> =
  { op: 'equal'; before: T; after: T } | { op: 'removed'; before: T } | { op: 'added'; after: T };

// Above this many cells the LCS table would cost too much memory; fall back to remove + add.
const MAX_CELLS = 4_000_000;

/**
 * A diff from `before` to `after` (longest common subsequence after trimming the common head
 * and tail), items compared by `key`. Plans are a few hundred blocks, so the quadratic table
 * is small.
 */
export function diffSequence<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): DiffStep<T>[] {
  const a = before.map(key);
  const b = after.map(key);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const kept = (i: number, j: number): DiffStep<T> => ({
    op: 'equal',
    before: before[i]!,
    after: after[j]!,
  });
  const middle = diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)).map(
    ([op, i, j]): DiffStep<T> => {
      if (op === 'equal') return kept(head + i, head + j);
      if (op === 'removed') return { op, before: before[head + i]! };
      return { op, after: after[head + j]! };
    },
  );
  const headSteps = Array.from({ length: head }, (_, i) => kept(i, i));
  const tailSteps = Array.from({ length: tail }, (_, k) =>
    kept(a.length - tail + k, b.length - tail + k),
  );
  return [...headSteps, ...middle, ...tailSteps];
}

type Step = ['equal' | 'removed' | 'added', number, number];

function diffMiddle(a: readonly string[], b: readonly string[]): Step[] {
  const removed = a.map((_, i): Step => ['removed', i, -1]);
  const added = b.map((_, j): Step => ['added', -1, j]);
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
  const out: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) out.push(['equal', i++, j++]);
    else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) out.push(removed[i++]!);
    else out.push(added[j++]!);
  }
  return [...out, ...removed.slice(i), ...added.slice(j)];
}

/** A line diff from `before` to `after`. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  return diffSequence(before, after, (line) => line).map((step) =>
    step.op === 'added' ? { op: step.op, text: step.after } : { op: step.op, text: step.before },
  );
}
