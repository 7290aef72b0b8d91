import type { ReactNode } from 'react';

/**
 * A small, safe reader of the Markdown the editor package exports (headings, paragraphs,
 * bullet and numbered lists, bold, italic, code, links, escapes, tables as rows of cells): it
 * builds React elements, never HTML strings, so nothing in the text can inject markup.
 * Headings are shifted down by `shift` levels (the minutes sit under the page's own headings).
 */
export function MarkdownBlocks({ markdown, shift = 1 }: { markdown: string; shift?: number }) {
  const lines = markdown.split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  let key = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]!.length + shift);
      const Tag = `h${level}` as 'h2';
      blocks.push(<Tag key={key++}>{inline(heading[2]!)}</Tag>);
      i++;
      continue;
    }
    if (/^\s*([-*+]|\d+\.) /.test(line)) {
      const ordered = /^\s*\d+\. /.test(line);
      const items: ReactNode[] = [];
      while (i < lines.length && /^\s*([-*+]|\d+\.) /.test(lines[i]!)) {
        items.push(
          <li key={items.length}>{inline(lines[i]!.replace(/^\s*([-*+]|\d+\.) /, ''))}</li>,
        );
        i++;
      }
      blocks.push(ordered ? <ol key={key++}>{items}</ol> : <ul key={key++}>{items}</ul>);
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) {
        const cells = lines[i]!.slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim());
        if (!cells.every((c) => /^:?-{3,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      blocks.push(
        <table key={key++} className="record-table">
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{inline(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>,
      );
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !/^(#{1,6}) /.test(lines[i]!) &&
      !/^\s*([-*+]|\d+\.) /.test(lines[i]!) &&
      !lines[i]!.startsWith('|')
    ) {
      paragraph.push(lines[i]!.replace(/^> ?/, ''));
      i++;
    }
    blocks.push(<p key={key++}>{inline(paragraph.join(' '))}</p>);
  }
  return <>{blocks}</>;
}

const INLINE =
  /\\([\\`*_[\]<>|~#+.!-])|`([^`]+)`|\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Inline Markdown to React nodes: escapes, code, bold, italic and http(s)/mailto links. */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(<code key={key++}>{m[2]}</code>);
    else if (m[3] !== undefined) out.push(<strong key={key++}>{inline(m[3])}</strong>);
    else if (m[4] !== undefined) out.push(<em key={key++}>{inline(m[4])}</em>);
    else if (m[5] !== undefined) out.push(<em key={key++}>{inline(m[5])}</em>);
    else if (m[6] !== undefined && m[7] !== undefined) {
      const href = m[7];
      out.push(
        /^(https?:|mailto:)/i.test(href) ? (
          <a key={key++} href={href} rel="noopener noreferrer">
            {inline(m[6])}
          </a>
        ) : (
          m[6]
        ),
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
