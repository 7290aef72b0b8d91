// `/api/health` timed from a separate client while a propagation run is under way
// (issue 17: p99 under 50 ms while 100 clients type).
import { HEALTH_INTERVAL_MS } from '../harness/options.js';
import type { HealthCommand, HealthReply } from '../harness/health-protocol.js';
import type { Target } from '../harness/servers.js';
import { Thread } from '../harness/threads.js';

/** Health requests collected over one or more runs. */
export interface HealthSamples {
  latencies: number[];
  failures: number;
}

/** Times `target`'s health URL every ~20 ms while `during` runs. */
export async function timeHealthDuring<T>(
  target: Target,
  samples: HealthSamples,
  during: () => Promise<T>,
): Promise<T> {
  const thread = new Thread<HealthCommand, HealthReply>('./health-thread.ts');
  try {
    await thread.ask(
      { type: 'start', url: target.healthUrl, intervalMs: HEALTH_INTERVAL_MS },
      'started',
    );
    let result: T;
    try {
      result = await during();
    } finally {
      const stopped = await thread.ask({ type: 'stop' }, 'stopped', 30_000);
      samples.latencies.push(...stopped.latencies);
      samples.failures += stopped.failures;
    }
    return result;
  } finally {
    await thread.terminate();
  }
}
