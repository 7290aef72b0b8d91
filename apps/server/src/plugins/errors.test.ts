import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@mesa/shared';
import { errorsPlugin } from './errors.js';

// The database drivers' own errors, as they throw them: better-sqlite3's SqliteError and pg's
// DatabaseError both carry a string `code`.
function driverError(code: string): Error {
  return Object.assign(new Error(`driver says ${code}`), { code });
}

async function answerTo(error: Error) {
  const app = Fastify({ logger: false });
  await app.register(errorsPlugin);
  app.post('/write', async () => {
    throw error;
  });
  const res = await app.inject({ method: 'POST', url: '/write' });
  const health = app.storageFaults.recent();
  await app.close();
  return {
    status: res.statusCode,
    retryAfter: res.headers['retry-after'],
    body: ErrorBodySchema.parse(res.json()),
    health,
  };
}

describe('errorsPlugin and storage faults', () => {
  it.each(['SQLITE_FULL', '53100'])(
    'answers %s with 503 storage_full and Retry-After',
    async (code) => {
      const answer = await answerTo(driverError(code));
      expect(answer).toMatchObject({ status: 503, health: 'full' });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.body.error.code).toBe('storage_full');
    },
  );

  it.each(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '55P03'])(
    'answers %s with 503 service_unavailable and Retry-After',
    async (code) => {
      const answer = await answerTo(driverError(code));
      expect(answer).toMatchObject({ status: 503, retryAfter: '1' });
      expect(answer.body.error.code).toBe('service_unavailable');
    },
  );

  it('answers any other driver error with 500 internal_error', async () => {
    const answer = await answerTo(driverError('SQLITE_CORRUPT'));
    expect(answer.status).toBe(500);
    expect(answer.body.error.code).toBe('internal_error');
  });
});
