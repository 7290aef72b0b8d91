import fp from 'fastify-plugin';
import { ErrorCodes, isWellFormedText } from '@mesa/shared';

const MAX_DEPTH = 64;

// Why a string is refused, or null. PostgreSQL cannot store U+0000 in text (SQLite can):
// refusing it everywhere keeps both databases answering alike instead of a 500. A lone
// surrogate (JSON "\ud800") is not a character at all: stored, it would come back as U+FFFD,
// changing what was sent without saying so.
function refusal(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (!isWellFormedText(text)) return 'contains a lone surrogate (ill-formed Unicode)';
  return null;
}

// Only what a JSON body can hold is walked: arrays and plain objects. A body a content-type
// parser hands over as a stream (an IATI upload) is read by its route, never walked here.
function isJsonContainer(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// The path of the first refused string (keys count too) and why, or null.
function findRefused(
  value: unknown,
  path: string,
  depth = 0,
): { field: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = refusal(value);
    return reason ? { field: path, reason } : null;
  }
  if (depth > MAX_DEPTH || !isJsonContainer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const where = path ? `${path}.${key}` : key;
    const found = findRefused(key, where, depth + 1) ?? findRefused(item, where, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses JSON bodies with a string (or key) holding a NUL character or a lone surrogate with
 * 400 `validation_failed` naming the field. Everything else is kept as sent.
 */
export const textInputPlugin = fp(async (app) => {
  app.addHook('preValidation', async (request, reply) => {
    const found = findRefused(request.body, '');
    if (found === null) return;
    const field = found.field || 'body';
    return reply.code(400).send({
      error: {
        code: ErrorCodes.validation,
        message: `Invalid body: ${field} ${found.reason}`,
        field,
      },
    });
  });
});
