/** The access module: program coordinators and organizations' relations to programs. */
export { accessRoutes } from './access.routes.js';
export {
  programsOfOrganization,
  organizationsOnPrograms,
  listRelations,
  leadOrganizations,
  setRelation,
  removeRelation,
  addCoordinator,
} from './access.service.js';
export { insertCoordinator, upsertProgramRelation } from './access.repository.js';
