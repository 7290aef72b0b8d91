/** The users module: accounts and the administrators' view of people. */
export { usersRoutes } from './users.routes.js';
export {
  createAccount,
  ensureAccount,
  workspaceIsEmpty,
  listPeople,
  type NewAccount,
} from './users.service.js';
