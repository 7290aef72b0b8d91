/** The portfolio module: components and programs. */
export { portfolioRoutes } from './portfolio.routes.js';
export { registerPortfolioRealtime } from './portfolio.realtime.js';
export {
  listPrograms,
  getProgram,
  getProgramDetails,
  listComponents,
} from './portfolio.service.js';
export { insertComponentRow, insertProgramRow, listProgramRows } from './portfolio.repository.js';
export { createProgram, updateProgram } from './programs.service.js';
