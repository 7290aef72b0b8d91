import { afterEach, describe, expect, it } from 'vitest';
import { Editor, type AnyExtension } from '@tiptap/core';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { planTemplateUpdate } from '@mesa/editor';
import { livePlanExtensions } from './liveExtensions';
import { ReadOnlyText } from './readOnlyText';

const RELAYED = Symbol('relayed');
const STORED_PLAN = planTemplateUpdate('en');

/** One person's live editor on the plan, configured as PlanEditor configures it. */
interface Person {
  doc: Y.Doc;
  awareness: Awareness;
  editor: Editor;
  /** Updates this person's own editor wrote into the Yjs document (what would be sent). */
  sent: Uint8Array[];
}

const opened: Person[] = [];

afterEach(() => {
  for (const p of opened.splice(0)) {
    p.editor.destroy();
    p.awareness.destroy();
    p.doc.destroy();
  }
});

function openPlan(name: string, readOnly: boolean): Person {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, STORED_PLAN, RELAYED);
  const awareness = new Awareness(doc);
  const sent: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== RELAYED) sent.push(update);
  });
  const element = document.createElement('div');
  document.body.append(element);
  const user = { id: name, name, color: '#0b6e6e' };
  const extensions: AnyExtension[] = [
    ...livePlanExtensions({ doc, provider: { awareness } }, user, 'en'),
    ...(readOnly ? [ReadOnlyText] : []),
  ];
  const person = { doc, awareness, sent, editor: new Editor({ element, extensions }) };
  opened.push(person);
  return person;
}

/** An editor (Ana) and an observer (Olga) on one plan, Ana's changes relayed to Olga. */
function editorAndObserver(): [Person, Person] {
  const ana = openPlan('Ana', false);
  const olga = openPlan('Olga', true);
  ana.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== RELAYED) Y.applyUpdate(olga.doc, update, RELAYED);
  });
  return [ana, olga];
}

/** Position inside the template's first heading ("Objectives"), `offset` characters in. */
function inFirstHeading(offset: number): number {
  return 1 + offset;
}

function press(editor: Editor, key: string, modifiers: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    key,
    bubbles: true,
    cancelable: true,
    ...modifiers,
  });
  editor.view.dom.dispatchEvent(event);
  return event;
}

describe('a read-only live text (observers and viewers)', () => {
  it('takes the keyboard focus and says it is a read-only text', () => {
    const [, olga] = editorAndObserver();
    const dom = olga.editor.view.dom;
    expect(dom.getAttribute('contenteditable')).toBe('true');
    expect(dom.getAttribute('tabindex')).toBe('0');
    expect(dom.getAttribute('aria-readonly')).toBe('true');
    expect(dom.getAttribute('inputmode')).toBe('none');
    dom.focus();
    expect(document.activeElement).toBe(dom);
  });

  it('moves the selection but keeps its text whatever is typed, deleted, pasted or cut', () => {
    const [ana, olga] = editorAndObserver();
    const before = olga.editor.getJSON();
    const { view } = olga.editor;

    olga.editor.commands.setTextSelection(inFirstHeading(2));
    expect(olga.editor.state.selection.from).toBe(inFirstHeading(2));
    olga.editor.commands.setTextSelection({ from: inFirstHeading(0), to: inFirstHeading(3) });
    expect(
      olga.editor.state.doc.textBetween(view.state.selection.from, view.state.selection.to),
    ).toBe('Obj');

    // A key the browser types, as ProseMirror reads it back from the page.
    view.dispatch(view.state.tr.insertText('x'));
    for (const key of ['Backspace', 'Delete', 'Enter']) press(olga.editor, key);
    press(olga.editor, 'b', { ctrlKey: true });
    view.pasteText('pasted');
    view.pasteHTML('<p>pasted <strong>html</strong></p>');
    const cut = new Event('cut', { bubbles: true, cancelable: true });
    view.dom.dispatchEvent(cut);

    expect(olga.editor.getJSON()).toEqual(before);
    expect(olga.sent).toEqual([]);
    expect(ana.editor.getJSON()).toEqual(before);
    // The selection is still hers to comment on.
    expect(
      olga.editor.state.doc.textBetween(view.state.selection.from, view.state.selection.to),
    ).toBe('Obj');
  });

  it('cancels the browser’s own input, so the page never shows a change', () => {
    const [, olga] = editorAndObserver();
    const input = new InputEvent('beforeinput', {
      inputType: 'insertText',
      data: 'x',
      bubbles: true,
      cancelable: true,
    });
    olga.editor.view.dom.dispatchEvent(input);
    expect(input.defaultPrevented).toBe(true);
  });

  it('shows the editors’ changes live', () => {
    const [ana, olga] = editorAndObserver();
    ana.editor.commands.setTextSelection(inFirstHeading(10));
    ana.editor.view.dispatch(ana.editor.state.tr.insertText(' and aims'));
    expect(olga.editor.state.doc.firstChild?.textContent).toBe('Objectives and aims');
    expect(olga.sent).toEqual([]);
  });

  it('lets Tab move the focus on from a list item instead of indenting it', () => {
    const [ana, olga] = editorAndObserver();
    ana.editor.commands.setContent('<ul><li><p>One</p></li><li><p>Two</p></li></ul>');
    const secondItem = olga.editor.state.doc.textContent.indexOf('Two');
    expect(secondItem).toBeGreaterThan(-1);
    let position = 0;
    olga.editor.state.doc.descendants((node, pos) => {
      if (node.isText && node.text === 'Two') position = pos + 1;
    });
    olga.editor.commands.setTextSelection(position);
    const before = olga.editor.getJSON();
    const tab = press(olga.editor, 'Tab');
    expect(tab.defaultPrevented).toBe(false);
    expect(olga.editor.getJSON()).toEqual(before);
  });
});
