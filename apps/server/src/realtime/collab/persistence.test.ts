import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentStore, DocumentWrite } from '../../modules/documents/index.js';
import { LiveDocument } from './document.js';
import { Persistence } from './persistence.js';

/** A store whose commits wait until the test lets them finish, or fail. */
function controlledStore() {
  const commits: { writes: readonly DocumentWrite[]; finish: (error?: Error) => void }[] = [];
  const store: DocumentStore = {
    load: () => Promise.resolve(null),
    commit: (writes) =>
      new Promise<void>((resolve, reject) => {
        commits.push({ writes, finish: (error) => (error ? reject(error) : resolve()) });
      }),
    close: () => Promise.resolve(),
  };
  return { store, commits };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('grouped commits', () => {
  const docs: LiveDocument[] = [];
  afterEach(() => docs.splice(0).forEach((d) => d.destroy()));

  function setUp() {
    const { store, commits } = controlledStore();
    const errors: number[] = [];
    const persistence = new Persistence({
      store,
      now: () => new Date(),
      onError: (_error, failures) => errors.push(failures),
    });
    // An automatic version was just saved, so none is due: commits hold only the changes.
    const doc = new LiveDocument(
      'plan:test',
      { state: null, rows: 1, lastAutoVersionAt: Date.now() },
      (d, update, origin) => persistence.enqueue(d, update, origin),
    );
    docs.push(doc);
    const type = (text: string) => doc.ydoc.getText('t').insert(0, text);
    return { persistence, commits, doc, type, errors };
  }

  it('stores the changes typed while a commit is in flight together, in the next commit', async () => {
    const { commits, doc, type } = setUp();
    type('a');
    await until(() => commits.length === 1);
    type('b');
    type('c');
    type('d');
    commits[0]!.finish();
    await until(() => commits.length === 2);
    expect(commits[1]!.writes).toHaveLength(1);
    expect(commits[1]!.writes[0]!.append).not.toBeNull();
    expect(doc.committedSeq).toBe(1);
    commits[1]!.finish();
    await until(() => doc.committedSeq === 4);
  });

  it('tells a waiter only once what it waits for is stored', async () => {
    const { commits, doc, type } = setUp();
    type('a');
    let told = false;
    doc.whenCommitted(doc.changeSeq, () => (told = true));
    await until(() => commits.length === 1);
    expect(told).toBe(false);
    commits[0]!.finish();
    await until(() => told);
  });

  it('keeps the changes of a failed commit and stores them in the retry, acknowledging nothing before', async () => {
    const { commits, doc, type, errors } = setUp();
    type('a');
    let told = false;
    doc.whenCommitted(doc.changeSeq, () => (told = true));
    await until(() => commits.length === 1);
    commits[0]!.finish(new Error('SQLITE_FULL'));
    type('b');
    await until(() => commits.length === 2);
    expect(errors).toEqual([1]);
    expect(told).toBe(false);
    // Both changes, the failed one first, go into the retry's one row.
    const retried = commits[1]!.writes[0]!.append!;
    const replay = new LiveDocument(
      'x',
      { state: retried, rows: 1, lastAutoVersionAt: 0 },
      () => {},
    );
    docs.push(replay);
    expect(replay.ydoc.getText('t').toJSON()).toBe(doc.ydoc.getText('t').toJSON());
    commits[1]!.finish();
    await until(() => told && doc.committedSeq === 2);
  });
});
