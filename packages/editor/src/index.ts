/** @mesa/editor: a plan's document schema, shared by the web editor and the server. */
export {
  ALLOWED_LINK_PROTOCOLS,
  isAllowedLinkUrl,
  planExtensions,
  planSchema,
} from './extensions.js';
export {
  PLAN_FRAGMENT,
  PLAN_TEMPLATE_SECTIONS,
  planTemplateJson,
  planTemplateUpdate,
  writePlanTemplate,
} from './template.js';
export { fragmentToJson, type PmMark, type PmNode } from './pm-json.js';
export { docToMarkdown, jsonToMarkdown } from './markdown.js';
export {
  docToText,
  jsonToBlocks,
  jsonToTextLines,
  type PlanBlock,
  type PlanTableRow,
} from './text.js';
export { escapeMarkdownText } from './inline.js';
export { diffLines, diffSequence, type DiffLine, type DiffStep } from './diff.js';
export {
  diffPlans,
  type ChangeOp,
  type PlanDiffBlock,
  type TableDiffCell,
  type TableDiffRow,
} from './plan-diff.js';
export { formatExportDate } from './export-date.js';
export {
  planExportHeader,
  programHeading,
  type ExportFacts,
  type ExportVersion,
} from './export-header.js';
export {
  AGENDA_KIND_LABELS,
  minutesHeading,
  minutesTemplateJson,
  minutesTemplateUpdate,
  type MinutesTemplateItem,
} from './minutes-template.js';
