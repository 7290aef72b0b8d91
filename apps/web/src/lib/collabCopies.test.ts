import { beforeEach, describe, expect, it } from 'vitest';
import { copyName, forgetCopies, listCopies, rememberCopy } from './collabCopies';

describe('offline copies index', () => {
  beforeEach(() => localStorage.clear());

  it('names each copy by person and document, so people sharing a computer never meet', () => {
    expect(copyName('u1', 'plan:p1')).not.toBe(copyName('u2', 'plan:p1'));
  });

  it('remembers each copy once and forgets the signed-out person’s only', () => {
    rememberCopy({ userId: 'u1', db: 'a' });
    rememberCopy({ userId: 'u1', db: 'a' });
    rememberCopy({ userId: 'u2', db: 'b' });
    expect(listCopies()).toHaveLength(2);
    expect(forgetCopies((c) => c.userId === 'u1')).toEqual([{ userId: 'u1', db: 'a' }]);
    expect(listCopies()).toEqual([{ userId: 'u2', db: 'b' }]);
  });

  it('treats an unreadable index as empty', () => {
    localStorage.setItem('mesa:collab-copies', '{not json');
    expect(listCopies()).toEqual([]);
  });
});
