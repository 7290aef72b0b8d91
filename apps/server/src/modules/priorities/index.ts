/** The priorities module: rounds, ballots, the board and their CSV exports. */
export { prioritiesRoutes } from './priorities.routes.js';
export { registerPrioritiesRealtime } from './priorities.realtime.js';
export { closeDueRounds } from './rounds.service.js';
export { registerRoundThreads } from './round-threads.js';
