/** The threads module: comment threads on plans' passages, programs and other subjects. */
export { threadsRoutes } from './threads.routes.js';
export { registerThreadsRealtime } from './threads.realtime.js';
export { type DocumentStates, type ThreadsDeps } from './thread-access.service.js';
export { reanchorDocumentThreads } from './thread-reanchor.service.js';
export {
  programSubject,
  registerDocumentThreads,
  registerThreadSubject,
  type DocumentThreadsResolver,
  type ResolvedSubject,
  type SubjectAbilities,
  type ThreadSubjectResolver,
} from './subjects.js';
export { linearize, locateAnchor, openAnchorDocument } from './anchors.js';
