/** The documents module: collaborative documents' storage, plan creation, versions, export. */
export { createPlanDocument } from './plan-template.service.js';
export {
  loadStoredDocument,
  commitDocumentWrites,
  type StoredDocument,
  type DocumentWrite,
} from './storage.service.js';
export type { LiveDocuments } from './live-documents.js';
export { createSqliteJournalStore } from './documents.repository.js';
export { UpdateJournal } from './journal.js';
export { documentsRoutes } from './documents.routes.js';
