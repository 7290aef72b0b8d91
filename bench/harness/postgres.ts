// A fresh PostgreSQL database for one Mesa server, dropped afterwards (as tests/helpers does).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where databases are created: the test server of this machine unless told otherwise. */
const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database; `drop` removes it (even with connections left open). */
export async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  // Letters and digits only: the name goes into the statement as an identifier.
  const name = `mesa_bench_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
