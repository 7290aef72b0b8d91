/** The organizations module. */
export { organizationsRoutes } from './organizations.routes.js';
export { listOrganizations } from './organizations.service.js';
export { insertOrganizationRow, findSecretariatId } from './organizations.repository.js';
