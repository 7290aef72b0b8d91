import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { holdWriteLock } from '../helpers/sqlite.js';
import {
  editorPool,
  planText,
  typeParagraph,
  waitFor,
  type TestEditor,
} from '../helpers/collab.js';

/** The plan's paragraphs' texts (XmlText children). */
const texts = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement ? node.toArray() : []))
    .filter((child): child is Y.XmlText => child instanceof Y.XmlText);

describe('"Saved" means stored', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-saved-'));
  let server: TestServer;
  let name: string;
  let writer: TestPerson;
  const { open, destroyAll } = editorPool();
  beforeAll(async () => {
    server = await startServer({ dataDir });
    const programId = await aProgramId(server);
    name = planDocumentName(programId);
    writer = await createPersonOn(server, { programId, relation: 'lead' });
  });
  afterAll(async () => {
    destroyAll();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function editor(): Promise<TestEditor> {
    const e = open(server, writer, name, { ack: true });
    await waitFor(() => e.saved(), 10_000, 'first saved');
    return e;
  }

  /** Makes a change, checks it is unconfirmed until acknowledged, then that it is stored. */
  async function savedAfter(e: TestEditor, change: () => void, what: string) {
    const before = e.count.sent;
    change();
    expect(e.count.sent, `${what} was sent`).toBe(before + 1);
    expect(e.saved()).toBe(false);
    await waitFor(() => e.saved(), 10_000, `saved after ${what}`);
  }

  it('confirms deletions only, formatting only and a paste once they are stored', async () => {
    const a = await editor();
    await savedAfter(a, () => typeParagraph(a.doc, 'to be formatted'), 'an insertion');
    await savedAfter(a, () => texts(a.doc).at(-1)!.format(0, 5, { bold: true }), 'formatting');
    await savedAfter(a, () => a.doc.getXmlFragment('default').delete(0, 1), 'a deletion');
    const paste = () =>
      a.doc.transact(() => {
        for (let i = 0; i < 50; i++) typeParagraph(a.doc, `pasted line ${i}`);
      });
    await savedAfter(a, paste, 'a paste');

    // What a fresh reader loads from the server has all of it.
    const b = open(server, writer, name);
    await waitFor(() => b.provider.synced, 10_000, 'reader sync');
    expect(planText(b.doc)).toBe(planText(a.doc));
    expect(planText(b.doc)).toContain('<bold>to be</bold>');
  });

  it('stays unconfirmed while the database cannot store, and confirms once it can', async () => {
    const a = await editor();
    const b = await editor();
    const lock = holdWriteLock(dataDir);
    try {
      typeParagraph(a.doc, 'typed while storage is busy');
      await waitFor(() => planText(b.doc).includes('typed while storage is busy'), 10_000, 'relay');
      // Longer than the store's own wait for the lock: it fails, keeps the change and retries.
      await new Promise((r) => setTimeout(r, 6000));
      expect(a.saved()).toBe(false);
      expect(a.closes).toEqual([]);
    } finally {
      lock.release();
    }
    await waitFor(() => a.saved(), 15_000, 'saved once the lock is gone');
    const later = open(server, writer, name);
    await waitFor(
      () => planText(later.doc).includes('typed while storage is busy'),
      10_000,
      'stored',
    );
  });

  it('merges a writer coming back with more than the message limit typed offline', async () => {
    const a = await editor();
    a.provider.disconnect();
    // 5 MiB of paragraphs: sent back as one sync step 2, past the 2 MiB limit of one message.
    const line = 'offline '.repeat(1024);
    a.doc.transact(() => {
      for (let i = 0; i < 640; i++) typeParagraph(a.doc, `${i} ${line}`);
    });
    expect(Y.encodeStateAsUpdate(a.doc).length).toBeGreaterThan(5 * 1024 * 1024);
    a.provider.connect();
    await waitFor(() => a.saved(), 30_000, 'offline session saved');
    expect(a.closes).toEqual([]);
    const b = open(server, writer, name);
    await waitFor(() => planText(b.doc).includes(`639 ${line}`), 30_000, 'merged for others');
  });
});

describe('a document whose changes cannot be stored yet', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-unstored-'));
  let server: TestServer;
  const { open, destroyAll } = editorPool();
  beforeAll(async () => {
    server = await startServer({ dataDir, env: { MESA_COLLAB_IDLE_UNLOAD_SECONDS: '0.2' } });
  });
  afterAll(async () => {
    destroyAll();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stays loaded past its idle time, so a joiner gets the unstored change at once', async () => {
    const programId = await aProgramId(server);
    const name = planDocumentName(programId);
    const writer = await createPersonOn(server, { programId, relation: 'lead' });
    const a = open(server, writer, name, { ack: true });
    await waitFor(() => a.saved(), 10_000, 'first saved');
    const lock = holdWriteLock(dataDir);
    try {
      typeParagraph(a.doc, 'not stored yet');
      a.destroy();
      // Well past the idle unload time: unloading would wait for the disk.
      await new Promise((r) => setTimeout(r, 1000));
      const b = open(server, writer, name);
      await waitFor(() => planText(b.doc).includes('not stored yet'), 5000, 'joiner synced');
    } finally {
      lock.release();
    }
    const c = open(server, writer, name, { ack: true });
    await waitFor(() => c.saved() && planText(c.doc).includes('not stored yet'), 15_000, 'stored');
  });
});
