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
export { docToText, jsonToTextLines } from './text.js';
export { escapeMarkdownText } from './inline.js';
export { diffLines, type DiffLine } from './diff.js';
