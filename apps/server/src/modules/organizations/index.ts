/** The organizations module. */
export { organizationsRoutes } from './organizations.routes.js';
export { listOrganizations, getOrganization } from './organizations.service.js';
export { insertOrganizationRow, findSecretariatId } from './organizations.repository.js';
