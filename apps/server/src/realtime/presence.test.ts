import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import type { MesaIo } from './types.js';
import { PRESENCE_DEBOUNCE_MS, groupPresence, trackPresence } from './presence.js';

const conn = (userId: string, name: string, organizationId: string, organization: string) => ({
  userId,
  name,
  organizationId,
  organizationName: { en: organization, es: `${organization} (es)` },
});

describe('groupPresence', () => {
  it('groups people by organization with both names, counts several tabs once, sorts by name', () => {
    const presence = groupPresence([
      conn('u2', 'Zoe', 'o1', 'UNDP'),
      conn('u1', 'Ana', 'o2', 'IDB'),
      conn('u2', 'Zoe', 'o1', 'UNDP'),
      conn('u3', 'Ben', 'o1', 'UNDP'),
    ]);
    expect(presence).toEqual({
      organizations: [
        { id: 'o2', name: { en: 'IDB', es: 'IDB (es)' }, people: [{ id: 'u1', name: 'Ana' }] },
        {
          id: 'o1',
          name: { en: 'UNDP', es: 'UNDP (es)' },
          people: [
            { id: 'u3', name: 'Ben' },
            { id: 'u2', name: 'Zoe' },
          ],
        },
      ],
    });
  });

  it('is empty when nobody is online', () => {
    expect(groupPresence([])).toEqual({ organizations: [] });
  });
});

describe('trackPresence', () => {
  /** A stand-in for the Socket.IO server whose cluster-wide `fetchSockets` the test answers. */
  function fakeIo() {
    const answers: ((sockets: { data: ReturnType<typeof conn> }[]) => void)[] = [];
    const emitted: unknown[] = [];
    const io = {
      in: () => ({ fetchSockets: () => new Promise((resolve) => answers.push(resolve)) }),
      to: () => ({ emit: (_event: string, presence: unknown) => emitted.push(presence) }),
    };
    return { io: io as unknown as MesaIo, answers, emitted };
  }
  const log = { warn: vi.fn() } as unknown as FastifyBaseLogger;

  it('broadcasts once per window, and nothing once stopped, waiting for a snapshot under way', async () => {
    vi.useFakeTimers();
    try {
      const { io, answers, emitted } = fakeIo();
      const tracker = trackPresence(io, log);
      tracker.schedule();
      tracker.schedule();
      await vi.advanceTimersByTimeAsync(PRESENCE_DEBOUNCE_MS);
      expect(answers).toHaveLength(1);
      answers[0]!([{ data: conn('u1', 'Ana', 'o1', 'IDB') }]);
      await vi.advanceTimersByTimeAsync(0);
      expect(emitted).toHaveLength(1);

      // A snapshot slow to come back (another node answering late) while the node closes.
      tracker.schedule();
      await vi.advanceTimersByTimeAsync(PRESENCE_DEBOUNCE_MS);
      expect(answers).toHaveLength(2);
      let stopped = false;
      const stopping = tracker.stop().then(() => (stopped = true));
      tracker.schedule();
      await vi.advanceTimersByTimeAsync(PRESENCE_DEBOUNCE_MS);
      expect(stopped).toBe(false);
      answers[1]!([]);
      await stopping;
      expect(emitted).toHaveLength(1);
      expect(answers).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
