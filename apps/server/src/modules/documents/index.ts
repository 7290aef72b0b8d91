/** The documents module: collaborative documents' storage, plan creation, versions, export. */
export { createPlanDocument } from './plan-template.service.js';
export type { DocumentStore, DocumentWrite, StoredDocument } from './document-store.js';
export { createKyselyDocumentStore } from './kysely-store.js';
export { createSqliteDocumentStore } from './sqlite-store.js';
export type { LiveDocuments } from './live-documents.js';
export { documentsRoutes } from './documents.routes.js';
export {
  createDocumentWithContent,
  ensureDocument,
  registerDocumentCreator,
  type DocumentCreator,
} from './document-creators.js';
export { planJsonOf as documentJsonOf } from './plan-content.js';
