// Where the figures go: one JSON line per result on stdout and in bench/results/, progress on
// stderr.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/** This invocation's results file (git-ignored). */
export const resultsFile = join(
  resultsDir,
  `${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`,
);

/** Prints one result line and appends it to the results file. */
export function emit(line: Record<string, unknown>): void {
  const text = JSON.stringify(line);
  process.stdout.write(text + '\n');
  mkdirSync(resultsDir, { recursive: true });
  appendFileSync(resultsFile, text + '\n');
}

/** Progress and warnings, on stderr so stdout stays one JSON line per result. */
export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
