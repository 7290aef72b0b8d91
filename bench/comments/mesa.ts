// Mesa in the bench's own process, for the comments benchmark: the whole app (sign-in, the one
// policy, the database, the domain events, Socket.IO) built as `pnpm start` builds it, and
// listening on 127.0.0.1. In-process because the fan-out figure starts at the domain event,
// which only the process that emits it can see (bench/README.md, "Comments").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@mesa/server/app';
import { loadConfig } from '@mesa/server/env';
import { createPerson, firstProgramId, type TestPerson } from '@mesa/server/testing';

/** A started Mesa, its program under test and the people connected to it. */
export interface MesaUnderTest {
  app: Awaited<ReturnType<typeof buildApp>>;
  url: string;
  programId: string;
  people: TestPerson[];
  close(): Promise<void>;
}

/** Builds and starts Mesa on SQLite (or `databaseUrl`) with `people` partners of one program. */
export async function startMesaInProcess(
  peopleCount: number,
  databaseUrl?: string,
): Promise<MesaUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-bench-comments-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const app = await buildApp(config, { logger: false, announce: () => undefined });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const programId = await firstProgramId(app);
  const people: TestPerson[] = [];
  // Each in an organization of their own with a partner relation: 200 delegations' people.
  for (let i = 0; i < peopleCount; i += 1)
    people.push(
      await createPerson(app, { programId, relation: 'partner', name: `Person ${i} Bench` }),
    );
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    programId,
    people,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
