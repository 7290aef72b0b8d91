import fp from 'fastify-plugin';
import type { RouteAccess } from './guards.js';

/** One API route as registered: what the authorization matrix and the docs walk. */
export interface ApiRoute {
  method: string;
  url: string;
  /** The guard it declared, or undefined when it declared none (a bug the matrix reports). */
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every `/api/` route of the app (HEAD mirrors of GET routes left out). */
    apiRoutes: ApiRoute[];
  }
}

/** Records every API route as it is registered; register before any route. */
export const routeRegistryPlugin = fp(async (app) => {
  const routes: ApiRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });
});
