import { afterEach, describe, expect, it, vi } from 'vitest';

// The undo manager reads the clock through lib0, which keeps its own reference to Date.now
// from the moment it is imported; freezing Date before any import makes "typed within the
// capture timeout" a fact of the test instead of a race with a busy machine. Time moves only
// where a test moves it (a pause).
vi.hoisted(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});

import { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { planTemplateUpdate } from '@mesa/editor';
import { livePlanExtensions } from './liveExtensions';
import { anchorFromSelection, threadHighlightsKey } from './threadAnchors';

/** One person's editor, configured exactly as the live plan editor is. */
interface Person {
  doc: Y.Doc;
  awareness: Awareness;
  editor: Editor;
}

const RELAYED = Symbol('relayed');
// One stored template for the plan, as the server keeps it (each call would make another).
const STORED_PLAN = planTemplateUpdate('en');

/** A person's connection to the plan: its document and awareness, before an editor opens. */
type Connection = Omit<Person, 'editor'>;

function connectToPlan(): Connection {
  const doc = new Y.Doc();
  // Everyone starts from the stored template, as the server sends it on connect.
  Y.applyUpdate(doc, STORED_PLAN, RELAYED);
  return { doc, awareness: new Awareness(doc) };
}

/** Relays document and awareness updates both ways, as the server does. */
function relay(a: Connection, b: Connection): void {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    from.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== RELAYED) Y.applyUpdate(to.doc, update, RELAYED);
    });
    from.awareness.on(
      'update',
      (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === RELAYED) return;
        const clients = [...changes.added, ...changes.updated, ...changes.removed];
        applyAwarenessUpdate(to.awareness, encodeAwarenessUpdate(from.awareness, clients), RELAYED);
      },
    );
  }
}

/** Position inside the template's n-th empty paragraph (0: under "Objectives"). */
function paragraphPosition(editor: Editor, n: number): number {
  const positions: number[] = [];
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name === 'paragraph') positions.push(offset + 1);
  });
  const position = positions[n];
  if (position === undefined) throw new Error(`the template has no paragraph ${n}`);
  return position;
}

function paragraphText(editor: Editor, n: number): string {
  const texts: string[] = [];
  editor.state.doc.forEach((node) => {
    if (node.type.name === 'paragraph') texts.push(node.textContent);
  });
  return texts[n] ?? '';
}

/** Lets the carets' batched redraws (scheduled with setTimeout 0) run, as between keystrokes. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Types one character at the person's selection, as a keystroke does. */
function key(person: Person, character: string): void {
  const { view } = person.editor;
  view.dispatch(view.state.tr.insertText(character));
}

const opened: Person[] = [];

/** Opens the live editor, configured exactly as the app configures it, on a connection. */
function openEditor(name: string, connection: Connection): Person {
  const element = document.createElement('div');
  document.body.append(element);
  const user = { id: name, name, color: '#0b6e6e' };
  const extensions = livePlanExtensions({ doc: connection.doc, provider: connection }, user, 'en');
  const person = { ...connection, editor: new Editor({ element, extensions }) };
  opened.push(person);
  return person;
}

/** Two people on one plan, their updates relayed from the start. */
function twoPeople(): [Person, Person] {
  const a = connectToPlan();
  const b = connectToPlan();
  relay(a, b);
  return [openEditor('Ana', a), openEditor('Ben', b)];
}

afterEach(() => {
  for (const p of opened.splice(0)) {
    p.editor.destroy();
    p.awareness.destroy();
    p.doc.destroy();
  }
});

describe('undo in the live plan editor', () => {
  it('removes the whole phrase one typed while someone else typed elsewhere, and none of their text', async () => {
    const [ana, ben] = twoPeople();
    ana.editor.commands.setTextSelection(paragraphPosition(ana.editor, 0));
    ben.editor.commands.setTextSelection(paragraphPosition(ben.editor, 2));
    // Focused, Ben's editor publishes his caret on every key, as a browser tab does.
    ben.editor.view.focus();
    let benCaretsSeenByAna = 0;
    ana.awareness.on('change', (_: unknown, origin: unknown) => {
      if (origin === RELAYED) benCaretsSeenByAna += 1;
    });

    // Ben is already writing when Ana starts; then their keys alternate.
    key(ben, 'a');
    await settle();
    for (const [mine, theirs] of [...'three'].map((c, i) => [c, 'bcdef'[i] ?? ''] as const)) {
      key(ana, mine);
      await settle();
      key(ben, theirs);
      await settle();
    }
    expect(paragraphText(ana.editor, 0)).toBe('three');
    expect(paragraphText(ana.editor, 2)).toBe('abcdef');
    // Ben's caret moved with each of his keys, so Ana's editor redrew carets between her keys.
    expect(benCaretsSeenByAna).toBeGreaterThan(0);

    ana.editor.commands.undo();
    expect(paragraphText(ana.editor, 0)).toBe('');
    expect(paragraphText(ana.editor, 2)).toBe('abcdef');
    expect(paragraphText(ben.editor, 0)).toBe('');

    ana.editor.commands.redo();
    expect(paragraphText(ana.editor, 0)).toBe('three');
    expect(paragraphText(ana.editor, 2)).toBe('abcdef');
  });

  it("keeps someone else's letters typed inside one's phrase when one undoes it", async () => {
    const [ana, ben] = twoPeople();
    ana.editor.commands.setTextSelection(paragraphPosition(ana.editor, 0));
    for (const c of 'one two') key(ana, c);
    await settle();
    // Ben types between Ana's words while she goes on typing at the end.
    ben.editor.commands.focus(paragraphPosition(ben.editor, 0) + 3);
    key(ben, '!');
    await settle();
    key(ana, 's');
    await settle();
    expect(paragraphText(ana.editor, 0)).toBe('one! twos');

    ana.editor.commands.undo();
    expect(paragraphText(ana.editor, 0)).toBe('!');
    expect(paragraphText(ben.editor, 0)).toBe('!');
  });

  it('groups one’s typing the same way alone: one undo step per phrase, a pause starts the next', async () => {
    const ana = openEditor('Ana', connectToPlan());
    ana.editor.commands.setTextSelection(paragraphPosition(ana.editor, 0));
    for (const c of 'one') key(ana, c);
    await settle();
    // A pause longer than the undo manager's capture timeout (500 ms) ends the step.
    vi.setSystemTime(Date.now() + 1_000);
    for (const c of ' two') key(ana, c);
    await settle();

    ana.editor.commands.undo();
    expect(paragraphText(ana.editor, 0)).toBe('one');
    ana.editor.commands.undo();
    expect(paragraphText(ana.editor, 0)).toBe('');
  });

  it('still starts a new step after a change marked addToHistory: false (the binding’s documented use)', async () => {
    const ana = openEditor('Ana', connectToPlan());
    ana.editor.commands.setTextSelection(paragraphPosition(ana.editor, 0));
    for (const c of 'one') key(ana, c);
    await settle();
    const { view } = ana.editor;
    view.dispatch(view.state.tr.insertText('|').setMeta('addToHistory', false));
    await settle();
    for (const c of 'two') key(ana, c);
    await settle();

    ana.editor.commands.undo();
    expect(paragraphText(ana.editor, 0)).toBe('one|');
  });
});

describe('carets in the live plan editor', () => {
  it('keeps one’s caret in an empty paragraph while someone fills an earlier empty one', async () => {
    const [ana, ben] = twoPeople();
    // Ben has clicked into the empty paragraph under the third heading; Ana writes under the first.
    ben.editor.commands.setTextSelection(paragraphPosition(ben.editor, 2));
    ben.editor.view.focus();
    ana.editor.commands.setTextSelection(paragraphPosition(ana.editor, 0));
    for (const c of 'ana') key(ana, c);
    await settle();

    for (const c of 'ben') key(ben, c);
    await settle();
    expect(paragraphText(ben.editor, 0)).toBe('ana');
    expect(paragraphText(ben.editor, 2)).toBe('ben');
    expect(paragraphText(ben.editor, 3)).toBe('');
    expect(paragraphText(ana.editor, 2)).toBe('ben');
  });
});

describe("comment threads' passages in the live plan editor", () => {
  function highlighted(person: Person): string[] {
    return [...person.editor.view.dom.querySelectorAll('.thread-highlight')].map(
      (node) => node.textContent ?? '',
    );
  }

  it("anchors a selection by relative positions that follow the other person's edits, until the passage is deleted", async () => {
    const [ana, ben] = twoPeople();
    const start = paragraphPosition(ana.editor, 0);
    ana.editor.commands.setTextSelection(start);
    for (const c of 'no baseline') key(ana, c);
    await settle();
    expect(anchorFromSelection(ana.editor.state)).toBe('empty');
    ana.editor.commands.setTextSelection({ from: start + 3, to: start + 11 });
    const anchor = anchorFromSelection(ana.editor.state);
    if (typeof anchor === 'string') throw new Error(`no anchor: ${anchor}`);
    expect(anchor.quote).toBe('baseline');

    // Ben's editor highlights the passage from the encoded positions alone.
    const input = { anchors: [{ id: 't1', ...anchor }], activeId: 't1' };
    ben.editor.view.dispatch(ben.editor.state.tr.setMeta(threadHighlightsKey, input));
    expect(highlighted(ben)).toEqual(['baseline']);
    expect(ben.editor.view.dom.querySelector('.thread-highlight--active')).not.toBeNull();

    // Text typed before the passage, by either person, moves it; the highlight follows.
    ben.editor.commands.setTextSelection(paragraphPosition(ben.editor, 0));
    for (const c of 'Still ') key(ben, c);
    await settle();
    expect(paragraphText(ana.editor, 0)).toBe('Still no baseline');
    expect(highlighted(ben)).toEqual(['baseline']);
    // Typed right after the passage or right before it, text stays outside; inside, it joins.
    const para = paragraphPosition(ana.editor, 0);
    ana.editor.commands.setTextSelection(para + 17);
    key(ana, '!');
    ana.editor.commands.setTextSelection(para + 9);
    key(ana, '«');
    ana.editor.commands.setTextSelection(para + 14);
    key(ana, '-');
    await settle();
    expect(paragraphText(ben.editor, 0)).toBe('Still no «base-line!');
    expect(highlighted(ben)).toEqual(['base-line']);
    ana.editor.view.dispatch(
      ana.editor.state.tr.delete(para + 14, para + 15).delete(para + 9, para + 10),
    );
    ana.editor.view.dispatch(ana.editor.state.tr.delete(para + 17, para + 18));
    await settle();

    // The passage deleted: nothing is highlighted any more.
    const at = paragraphPosition(ana.editor, 0);
    ana.editor.view.dispatch(ana.editor.state.tr.delete(at + 9, at + 17));
    await settle();
    expect(paragraphText(ben.editor, 0)).toBe('Still no ');
    expect(highlighted(ben)).toEqual([]);
  });
});

describe("a comment on the plan's very first words", () => {
  it('is highlighted in another editor, read-only or not', () => {
    const [ana, ben] = twoPeople();
    const heading = ana.editor.state.doc.firstChild;
    if (heading?.type.name !== 'heading') throw new Error('the template starts with a heading');
    ana.editor.setEditable(false);
    ana.editor.commands.setTextSelection({ from: 1, to: 1 + heading.textContent.length });
    const anchor = anchorFromSelection(ana.editor.state);
    if (typeof anchor === 'string') throw new Error(`no anchor: ${anchor}`);
    const input = { anchors: [{ id: 't1', ...anchor }], activeId: null };
    ben.editor.view.dispatch(ben.editor.state.tr.setMeta(threadHighlightsKey, input));
    const marks = ben.editor.view.dom.querySelectorAll('.thread-highlight');
    expect([...marks].map((node) => node.textContent)).toEqual([heading.textContent]);
  });
});
