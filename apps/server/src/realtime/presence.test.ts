import { describe, expect, it } from 'vitest';
import { groupPresence } from './presence.js';

const conn = (userId: string, name: string, organizationId: string, organizationName: string) => ({
  userId,
  name,
  organizationId,
  organizationName,
});

describe('groupPresence', () => {
  it('groups people by organization, counts several tabs once, sorts by name', () => {
    const presence = groupPresence([
      conn('u2', 'Zoe', 'o1', 'UNDP'),
      conn('u1', 'Ana', 'o2', 'IDB'),
      conn('u2', 'Zoe', 'o1', 'UNDP'),
      conn('u3', 'Ben', 'o1', 'UNDP'),
    ]);
    expect(presence).toEqual({
      organizations: [
        { id: 'o2', name: 'IDB', people: [{ id: 'u1', name: 'Ana' }] },
        {
          id: 'o1',
          name: 'UNDP',
          people: [
            { id: 'u3', name: 'Ben' },
            { id: 'u2', name: 'Zoe' },
          ],
        },
      ],
    });
  });

  it('is empty when nobody is online', () => {
    expect(groupPresence([])).toEqual({ organizations: [] });
  });
});
