import type * as Y from 'yjs';
import { renderInline } from './inline.js';
import { fragmentToJson, type PmNode } from './pm-json.js';
import { PLAN_FRAGMENT } from './template.js';

function indent(text: string, prefix: string, firstPrefix = prefix): string {
  return text
    .split('\n')
    .map((line, i) => {
      const p = i === 0 ? firstPrefix : prefix;
      return line === '' ? p.trimEnd() : p + line;
    })
    .join('\n');
}

/** Escapes what would make a paragraph's first characters read as a block marker. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(\s*)([#>+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)(={3,}|-{3,})$/, '$1\\$2');
}

function renderList(node: PmNode): string {
  const ordered = node.type === 'orderedList';
  const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
  return (node.content ?? [])
    .map((item, i) => {
      const marker = ordered ? `${start + i}. ` : '- ';
      const body = renderBlocks(item.content) || '';
      return indent(body, ' '.repeat(marker.length), marker);
    })
    .join('\n');
}

function cellText(cell: PmNode): string {
  const parts = (cell.content ?? []).map((block) => renderInline(block.content, '<br>'));
  return parts.join('<br>').replace(/\n/g, ' ').trim() || ' ';
}

function renderTable(node: PmNode): string {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map(cellText));
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length), 1);
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? ' ').join(' | ')} |`;
  const [header, ...body] = rows;
  const separator = `| ${Array.from({ length: width }, () => '---').join(' | ')} |`;
  return [line(header!), separator, ...body.map(line)].join('\n');
}

function renderBlock(node: PmNode): string {
  switch (node.type) {
    case 'paragraph':
      return escapeLineStart(renderInline(node.content));
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 6);
      return `${'#'.repeat(level)} ${renderInline(node.content)}`.trimEnd();
    }
    case 'bulletList':
    case 'orderedList':
      return renderList(node);
    case 'blockquote':
      return indent(renderBlocks(node.content), '> ');
    case 'table':
      return renderTable(node);
    case 'horizontalRule':
      return '---';
    default:
      return renderBlocks(node.content);
  }
}

function renderBlocks(nodes: readonly PmNode[] | undefined): string {
  return (nodes ?? [])
    .map(renderBlock)
    .filter((block) => block !== '')
    .join('\n\n');
}

/** Markdown (CommonMark with GFM tables and strikethrough) of a plan's ProseMirror JSON. */
export function jsonToMarkdown(doc: PmNode): string {
  const text = renderBlocks(doc.content);
  return text ? `${text}\n` : '';
}

/** Markdown of the plan held in a Y.Doc. */
export function docToMarkdown(doc: Y.Doc): string {
  return jsonToMarkdown(fragmentToJson(doc.getXmlFragment(PLAN_FRAGMENT)));
}
