/** The setup module: the first administrator, by link or by environment. */
export { setupRoutes } from './setup.routes.js';
export { bootstrapWorkspace } from './setup.service.js';
