export { metricsRoutes, MetricsSchema } from './metrics.routes.js';
