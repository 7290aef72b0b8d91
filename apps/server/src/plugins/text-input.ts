import fp from 'fastify-plugin';
import { ErrorCodes } from '@mesa/shared';

const MAX_DEPTH = 64;

// The path of the first string holding U+0000, or null. PostgreSQL cannot store it in text
// (SQLite can): refusing it everywhere keeps both databases answering alike instead of a 500.
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNul(item, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses JSON bodies carrying a NUL character in any string with 400 `validation_failed`. */
export const textInputPlugin = fp(async (app) => {
  app.addHook('preValidation', async (request, reply) => {
    const field = findNul(request.body, '');
    if (field === null) return;
    return reply.code(400).send({
      error: {
        code: ErrorCodes.validation,
        message: `Invalid body: ${field || 'body'} contains a NUL character`,
        field: field || 'body',
      },
    });
  });
});
