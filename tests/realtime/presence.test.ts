import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresenceSchema, type Presence } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

function peopleOf(presence: Presence | undefined): string[] {
  return (presence?.organizations ?? []).flatMap((o) => o.people.map((p) => p.id));
}

describe('presence', () => {
  let server: TestServer;
  let ana: TestPerson;
  let ben: TestPerson;
  let benColleague: TestPerson;
  const open: ClientSocket[] = [];
  beforeAll(async () => {
    server = await startServer();
    ana = await createPersonOn(server, { name: 'Ana' });
    ben = await createPersonOn(server, { name: 'Ben' });
    benColleague = await createPersonOn(server, {
      name: 'Carla',
      organizationId: ben.organizationId,
    });
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await server?.close();
  });

  it('shows another person coming online, grouped by organization named in both languages, and going away', async () => {
    const a = await connectAs(server, ana);
    open.push(a);
    const seen = record(a, 'presence.changed');
    const b = await connectAs(server, ben);
    open.push(b);
    await waitFor(() => expect(peopleOf(seen.at(-1))).toContain(ben.userId));
    const last = PresenceSchema.parse(seen.at(-1));
    const org = last.organizations.find((o) => o.id === ben.organizationId);
    expect(org?.people).toEqual([{ id: ben.userId, name: 'Ben' }]);
    // Both languages travel: each reader names the organization in their own.
    expect(org?.name).toEqual({
      en: `Org ${ben.organizationId}`,
      es: `Org ${ben.organizationId} (es)`,
    });
    b.disconnect();
    await waitFor(() => expect(peopleOf(seen.at(-1))).not.toContain(ben.userId));
  });

  it('counts a person with several tabs once and lists people of one organization together', async () => {
    const tabs = await Promise.all([
      connectAs(server, benColleague),
      connectAs(server, benColleague),
      connectAs(server, ben),
    ]);
    open.push(...tabs);
    const reply = await waitFor(async () => {
      const r = await tabs[0].emitWithAck('presence.list', {});
      if (!r.ok) throw new Error(r.error.code);
      expect(peopleOf(r.data)).toContain(ben.userId);
      return r.data;
    });
    const org = reply.organizations.find((o) => o.id === ben.organizationId);
    expect(org?.people.map((p) => p.name)).toEqual(['Ben', 'Carla']);
    expect(peopleOf(reply).filter((id) => id === benColleague.userId)).toHaveLength(1);
    for (const t of tabs) t.disconnect();
  });

  it('keeps a person online while one of their tabs is still open', async () => {
    const watcher = await connectAs(server, ana);
    open.push(watcher);
    const first = await connectAs(server, ben);
    const second = await connectAs(server, ben);
    open.push(second);
    first.disconnect();
    await new Promise((r) => setTimeout(r, 400));
    const reply = await watcher.emitWithAck('presence.list', {});
    expect(reply.ok && peopleOf(reply.data)).toContain(ben.userId);
  });
});
