// Mesa in the bench's own process, for the meetings benchmark: the whole app (sign-in, the one
// policy, the database, domain events, Socket.IO) built as `pnpm start` builds it, on one node
// (SQLite) or two nodes sharing PostgreSQL and Redis. In-process because the fan-out figure
// starts at the `meeting.roomChanged` domain event, which only the emitting process can see.
import { rmSync } from 'node:fs';
import { startNode, type App } from '../harness/mesa-node.js';
import { createMeeting, createPerson, firstProgramId, type TestPerson } from '@mesa/server/testing';

/** Started nodes, the meeting under test and its people. */
export interface MeetingUnderTest {
  nodes: { app: App; url: string }[];
  meetingId: string;
  chair: TestPerson;
  /** The participants whose sockets listen. */
  participants: TestPerson[];
  /** Further participants who ask for the floor (not listening). */
  speakers: TestPerson[];
  close(): Promise<void>;
}

/**
 * Starts `nodes` nodes (two need `databaseUrl` and `redisUrl`), then makes a chair
 * (coordinator of the first program), `participants` + `speakers` people each in an
 * organization of their own, and one scheduled meeting of them all with `items` agenda items.
 */
export async function startMeeting(o: {
  nodes: number;
  participants: number;
  speakers: number;
  items: number;
  databaseUrl?: string;
  redisUrl?: string;
}): Promise<MeetingUnderTest> {
  const env: Record<string, string> = {};
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  if (o.redisUrl) env.REDIS_URL = o.redisUrl;
  const started: Awaited<ReturnType<typeof startNode>>[] = [];
  // One after another: the first migrates and seeds the shared database.
  for (let i = 0; i < o.nodes; i += 1) started.push(await startNode(env));
  const app = started[0]!.app;
  const programId = await firstProgramId(app);
  const chair = await createPerson(app, {
    programId,
    relation: 'lead',
    coordinator: true,
    name: 'Chair Bench',
  });
  const people: TestPerson[] = [];
  for (let i = 0; i < o.participants + o.speakers; i += 1)
    people.push(await createPerson(app, { name: `Delegate ${i} Bench` }));
  const { meetingId } = await createMeeting(app, {
    chairId: chair.userId,
    programIds: [programId],
    organizationIds: [chair, ...people].map((p) => p.organizationId),
    agenda: Array.from({ length: o.items }, (_, i) => `Item ${i + 1}`),
  });
  return {
    nodes: started.map(({ app: a, url }) => ({ app: a, url })),
    meetingId,
    chair,
    participants: people.slice(0, o.participants),
    speakers: people.slice(o.participants),
    async close() {
      for (const node of started) await node.app.close();
      for (const node of started) rmSync(node.dir, { recursive: true, force: true });
    },
  };
}
