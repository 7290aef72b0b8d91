import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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

describe('errorsPlugin and strict bodies', () => {
  it('refuses a field the body does not have with 400 naming that field', async () => {
    const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    await app.register(errorsPlugin);
    const schema = z.strictObject({ status: z.string().nullable() });
    app.post('/programs', { schema: { body: schema } }, async () => 'stored');
    const res = await app.inject({
      method: 'POST',
      url: '/programs',
      payload: { status: null, leadOrganizationId: 'org-1' },
    });
    await app.close();
    expect(res.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(res.json()).error).toEqual({
      code: 'validation_failed',
      message: 'Invalid body: leadOrganizationId is not a field of this request',
      field: 'leadOrganizationId',
    });
  });
});
