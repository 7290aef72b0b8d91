import fp from 'fastify-plugin';

// Setup and invitation links carry one-time secrets in the path; they never reach the logs.
const SECRET_PATHS = /^(\/(?:api\/)?(?:setup|invite|invitations))\/[^/?]+/;

/** The path of a request as it may be logged: no query string, no one-time tokens. */
export function loggablePath(url: string): string {
  const path = url.split('?')[0] ?? '/';
  return path.replace(SECRET_PATHS, '$1/:token');
}

/** One log line per request (method, path without secrets, status, time), instead of Fastify's two. */
export const requestLogPlugin = fp(async (app) => {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: loggablePath(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        user: request.actor?.userId,
      },
      'request',
    );
  });
});
