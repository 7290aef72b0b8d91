import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

const API_PREFIXES = ['/api/', '/socket.io/', '/collab/'];

/**
 * Serves the built web app: hashed assets with a year of caching, as the Brotli or gzip copy the
 * build made when the browser accepts one; index.html (never cached) for every other GET that is
 * not an API path, so client routes survive a reload.
 */
export const webPlugin = fp<{ root: string }>(async (app, options) => {
  const index = join(options.root, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ root: options.root }, 'web app not built; run `pnpm build` to serve it');
    return;
  }
  await app.register(fastifyStatic, {
    root: options.root,
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders(res, path) {
      const hashed = path.includes(`${join('/', 'assets', '/')}`);
      res.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = request.url.split('?')[0] ?? '/';
    if (API_PREFIXES.some((p) => path.startsWith(p)) || path === '/api') return;
    const hasExtension = /\.[a-z0-9]+$/i.test(path);
    if (hasExtension) return;
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  });
});
