import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, MeReplySchema } from '@mesa/shared';
import {
  holdSqliteWriteLock,
  limitSqlitePages,
  type SqliteLockHolder,
} from '@mesa/server/testing/sqlite';
import { buildApp } from '@mesa/server/app';
import { loadConfig } from '@mesa/server/env';
import { createPostgresDatabase, testDatabaseUrl } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, FACTORY_PASSWORD, type TestPerson } from '../helpers/people.js';
import { fakeClock, postJson } from '../helpers/auth.js';

const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error;

// The storage faults are SQLite's: another process holding the write lock (reproduced with a
// second connection to the server's file, as the sqlite3 shell would hold it), and a database
// that cannot grow (reproduced with PRAGMA max_page_count on the server's own connection, which
// makes SQLite answer SQLITE_FULL exactly as it does when the disk is full).
describe('a SQLite database locked by another process', () => {
  let server: TestServer;
  let lock: SqliteLockHolder | null = null;
  const clock = fakeClock();
  beforeAll(async () => {
    server = await startServer({ app: { now: clock.now } });
  });
  afterEach(() => lock?.release());
  afterAll(async () => server?.close());

  const nameOf = async (cookie: string) => {
    const res = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return MeReplySchema.parse(await res.json()).user.name;
  };

  it('answers a write 503 service_unavailable with Retry-After while health and reads still answer, and stores nothing', async () => {
    const person = await createPersonOn(server, { name: 'Before Lock' });
    lock = holdSqliteWriteLock(server.config.dataDir);
    const patch = fetchAs(server, person, '/api/me', {
      method: 'PATCH',
      body: JSON.stringify({ name: 'During Lock' }),
    });
    // While the write retries, the event loop is free: health and a read answer meanwhile.
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('1');
    expect(await errorOf(health)).toMatchObject({ code: 'service_unavailable' });
    expect(await nameOf(person.cookie)).toBe('Before Lock');
    const refused = await patch;
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(refused)).toMatchObject({ code: 'service_unavailable' });
    lock.release();
    expect(await nameOf(person.cookie)).toBe('Before Lock');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const after = await fetchAs(server, person, '/api/me', {
      method: 'PATCH',
      body: JSON.stringify({ name: 'After Lock' }),
    });
    expect(after.status).toBe(200);
    expect(await nameOf(person.cookie)).toBe('After Lock');
  });

  it('serves a read whose session activity refresh cannot be written', async () => {
    const person = await createPersonOn(server);
    clock.advance(120); // past the refresh interval: this read also writes last_active_at
    lock = holdSqliteWriteLock(server.config.dataDir);
    expect(await nameOf(person.cookie)).toBe(person.name);
    lock.release();
    expect(await nameOf(person.cookie)).toBe(person.name);
  });
});

describe('a full SQLite database', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  const createOrganization = (admin: TestPerson, i: number) =>
    fetchAs(server, admin, '/api/organizations', {
      method: 'POST',
      body: JSON.stringify({
        name: { en: `Org ${i} ${'x'.repeat(100)}`, es: `Org ${i} ${'y'.repeat(100)}` },
        shortName: { en: `O${i}`, es: `O${i}` },
        kind: 'multilateral',
      }),
    });

  it('answers writes 503 storage_full, keeps serving reads and sign-ins, reports it in health, and recovers', async () => {
    const admin = await createPersonOn(server, { role: 'admin' });
    await limitSqlitePages(server.app, 'current');
    let refused: Response | null = null;
    for (let i = 0; i < 500 && !refused; i += 1) {
      const res = await createOrganization(admin, i);
      if (res.status !== 201) refused = res;
    }
    expect(refused?.status).toBe(503);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(refused!)).toMatchObject({ code: 'storage_full' });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await errorOf(health)).toMatchObject({ code: 'storage_full' });
    expect((await fetchAs(server, admin, '/api/organizations')).status).toBe(200);
    const signIn = await postJson(server, '/api/auth/login', {
      email: admin.email,
      password: FACTORY_PASSWORD,
    });
    expect([200, 503]).toContain(signIn.status);
    if (signIn.status === 503) expect((await errorOf(signIn)).code).toBe('storage_full');
    await limitSqlitePages(server.app, 1_073_741_823);
    expect((await createOrganization(admin, 9999)).status).toBe(201);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('PostgreSQL without durable commits', () => {
  it('refuses to start when synchronous_commit is off, saying so', async () => {
    const database = await createPostgresDatabase();
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    await admin.end();
    const dataDir = mkdtempSync(join(tmpdir(), 'mesa-test-'));
    try {
      const config = loadConfig({
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
      });
      await expect(buildApp(config, { logger: false })).rejects.toThrow(
        /synchronous_commit is off/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
