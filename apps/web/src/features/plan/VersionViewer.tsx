import { EditorContent, useEditor } from '@tiptap/react';
import { planExtensions } from '@mesa/editor';

/** Props of VersionViewer. */
export interface VersionViewerProps {
  /** The version's content as ProseMirror JSON. */
  content: Record<string, unknown>;
  /** Accessible name of the read-only document. */
  label: string;
}

/** A saved version, rendered with the plan's own schema and no editable surface. */
export function VersionViewer({ content, label }: VersionViewerProps) {
  const editor = useEditor(
    {
      extensions: planExtensions(),
      content,
      editable: false,
      editorProps: {
        attributes: { class: 'plan-doc plan-doc--readonly', role: 'document', 'aria-label': label },
      },
    },
    [content, label],
  );
  return <EditorContent editor={editor} className="version-viewer" />;
}
