/** The docs module: the OpenAPI document for administrators. */
export { docsRoutes } from './docs.routes.js';
