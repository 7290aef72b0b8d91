/** The invitations module: one-time links that create accounts. */
export { invitationsRoutes } from './invitations.routes.js';
export { createInvitation } from './invitations.service.js';
