import type { ServiceContext } from '../../lib/context.js';
import { nextClosingTime } from './priorities.repository.js';
import { closeDueRounds } from './rounds.service.js';

// Longest wait between looks: a round another node opened (this node hears no domain event
// of it) still closes within this much of its time; reads close a past-due round at once.
const MAX_WAIT_MS = 60_000;

/** What the closer logs when a look fails (the app's pino logger fits it). */
interface CloserLog {
  error(details: object, message: string): void;
}

/**
 * Closes rounds at their closing time: a timer to the nearest one (at most a minute away),
 * re-armed after each look and whenever rounds change. Every node runs one; the conditional
 * update in `closeDueRounds` lets exactly one of them close each round. Returns `stop`.
 */
export function startRoundCloser(ctx: ServiceContext, log: CloserLog): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const look = async () => {
    timer = null;
    try {
      await closeDueRounds(ctx);
    } catch (err) {
      log.error({ err }, 'closing due priority rounds failed');
    }
    await arm();
  };
  const arm = async () => {
    if (stopped) return;
    let next: string | undefined;
    try {
      next = await nextClosingTime(ctx.db);
    } catch (err) {
      log.error({ err }, 'reading the next closing time failed');
    }
    if (stopped) return;
    const wait = next ? new Date(next).getTime() - ctx.now().getTime() : MAX_WAIT_MS;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void look(), Math.max(0, Math.min(wait, MAX_WAIT_MS)));
    // Never keeps the process alive on its own.
    timer.unref();
  };
  const rearm = () => void arm();
  ctx.events.on('round.opened', rearm);
  ctx.events.on('round.reopened', rearm);
  void arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    ctx.events.off('round.opened', rearm);
    ctx.events.off('round.reopened', rearm);
  };
}
