// Benchmark of Mesa's document endpoint against the reference Yjs server, and the reference
// against a second copy of itself (the noise), in one run with the same load (issue 17).
// Run: pnpm bench:collab [-- options]. bench/README.md says what each case measures and how.
import { cpus, loadavg } from 'node:os';
import { lateJoinCase } from './cases/late-join.js';
import { memoryCase } from './cases/memory.js';
import { propagationCase } from './cases/propagation.js';
import { savedCase } from './cases/saved.js';
import { tenInARowCase } from './cases/ten-in-a-row.js';
import { rawConnect } from './harness/clients.js';
import { options } from './harness/options.js';
import { note, resultsFile } from './harness/output.js';
import { cleanUp } from './harness/processes.js';
import { startMesa, startReference, Rooms, type Target } from './harness/servers.js';
import { round } from './harness/stats.js';
import { summarize, type Results } from './summary.js';

/** Mesa, or with `--mesa=reference` a third reference server in its slot. */
async function startSide(): Promise<Target> {
  if (options.validate) {
    note('harness check: a reference server stands in for Mesa');
    return startReference('reference-c');
  }
  const mesa = await startMesa({
    name: 'mesa',
    bundle: options.mesaBundle,
    idleUnloadSeconds: options.idleUnloadSeconds,
  });
  // Fail early and clearly when the endpoint is not there.
  (await rawConnect(mesa, mesa.room(Rooms.propagation), 10_000)).close();
  return mesa;
}

async function runCases(side: Target, reference: Target, second: Target): Promise<Results> {
  const all = [side, reference, second];
  const cases = options.cases;
  const results: Results = { side: side.name, reference: reference.name, second: second.name };
  if (cases.has('health') && !cases.has('propagation'))
    note('health is timed during the propagation case: add it to --cases');
  if (cases.has('propagation'))
    results.propagation = await propagationCase(all, cases.has('health'));
  if (cases.has('ten-in-a-row')) results.tenInARow = await tenInARowCase([side, reference]);
  if (cases.has('saved')) {
    if (side.isMesa) results.saved = await savedCase(side);
    else note('saved: only Mesa acknowledges; skipped');
  }
  if (cases.has('late-join')) results.lateJoin = await lateJoinCase(all);
  // Last: reading memory forces a collection in the servers.
  if (cases.has('memory')) results.loadedAfterIdle = await memoryCase([side, reference]);
  return results;
}

async function main(): Promise<boolean> {
  note(`results also in ${resultsFile}`);
  const reference = await startReference('reference');
  const second = await startReference('reference-b');
  const side = await startSide();
  const loadAtStart = loadavg()[0]!;
  const results = await runCases(side, reference, second);
  // Other work on the machine moves the numbers: the load average tells how quiet it was.
  const pass = summarize(results, {
    cpus: cpus().length,
    node: process.version,
    loadAverageAtStart: round(loadAtStart),
    loadAverageAtEnd: round(loadavg()[0]!),
  });
  for (const target of [side, reference, second]) await target.stop();
  return pass;
}

main().then(
  async () => {
    await cleanUp();
    process.exit(0);
  },
  async (error: unknown) => {
    note(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    await cleanUp();
    process.exit(1);
  },
);
