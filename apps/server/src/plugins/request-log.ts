import fp from 'fastify-plugin';

// Setup and invitation links carry one-time secrets in the path; they never reach the logs.
const SECRET_PATHS = /^(\/(?:api\/)?(?:setup|invite|invitations))\/[^/?]+/;

/** The path of a request as it may be logged: no query string, no one-time tokens. */
export function loggablePath(url: string): string {
  const path = url.split('?')[0] ?? '/';
  return path.replace(SECRET_PATHS, '$1/:token');
}

/** Options of the request log. */
export interface RequestLogOptions {
  /**
   * The level of requests answered below 500: `info` where logs are read by programs (JSON),
   * `debug` on a terminal (LOG_LEVEL=debug shows them). Answers of 500 and above are `info`.
   */
  routineLevel: 'info' | 'debug';
}

/** One log line per request (method, path without secrets, status, time), instead of Fastify's two. */
export const requestLogPlugin = fp<RequestLogOptions>(async (app, { routineLevel }) => {
  app.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'info' : routineLevel;
    request.log[level](
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
