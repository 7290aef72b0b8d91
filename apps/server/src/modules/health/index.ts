/** The health module: whether the server and its database answer. */
export { healthRoutes } from './health.routes.js';
