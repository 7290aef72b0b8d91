import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import { ErrorCodes } from '@mesa/shared';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a request's Origin header is absent or one of the app's own origins. */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}

/**
 * Security headers (a CSP allowing only the app's own scripts, nosniff, frame-ancestors
 * 'none') and the Origin rule: a state-changing request carrying a foreign Origin gets 403.
 */
export const securityPlugin = fp<{ allowedOrigins: string[] }>(async (app, options) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ProseMirror and the collaboration caret set style attributes; scripts stay locked down.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // The API is same-origin; cross-origin isolation headers would break nothing but add nothing.
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (isAllowedOrigin(request.headers.origin, options.allowedOrigins)) return;
    return reply.code(403).send({
      error: {
        code: ErrorCodes.foreignOrigin,
        message: 'Requests from this origin are not allowed.',
      },
    });
  });
});
